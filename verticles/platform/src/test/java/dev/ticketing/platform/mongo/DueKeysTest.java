package dev.ticketing.platform.mongo;

import static dev.ticketing.platform.testing.Blocking.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ticketing.platform.testing.EmbeddedMongo;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class DueKeysTest {

  private EmbeddedMongo server;
  private MongoClient mongo;

  @BeforeEach
  void start(Vertx vertx) {
    server = new EmbeddedMongo();
    mongo = Mongo.client(vertx, server.settings("due"));
  }

  @AfterEach
  void stop() {
    mongo.close();
    server.close();
  }

  @Test
  void dueAndSinceSplitTheKeysExactlyAtTheirBound() throws Exception {
    DueKeys keys = new DueKeys(mongo, "jobs", "dueKey");
    long bound = 1_796_170_633_999L;
    List<Long> times = List.of(0L, bound - 1_000_000, bound - 1, bound, bound + 1, bound + 1_000_000, 9_999_999_999_999L);
    await(keys.createIndex());
    insertAll(times.stream().map(time -> job("t" + time, time)).toList());

    List<String> due = await(keys.due(bound, 100)).stream().map(DueKeys.Due::id).toList();
    List<String> since = await(mongo.find("jobs", keys.since(bound))).stream()
        .map(document -> document.getString("_id")).sorted().toList();

    assertEquals(List.of("t0", "t" + (bound - 1_000_000), "t" + (bound - 1), "t" + bound), due);
    assertEquals(List.of("t" + bound, "t" + (bound + 1), "t" + (bound + 1_000_000), "t9999999999999"), since);
  }

  @Test
  void dueDocumentsComeOldestFirstAndOnlyThoseDue() throws Exception {
    DueKeys due = new DueKeys(mongo, "jobs", "dueKey");
    await(due.createIndex());
    insertAll(IntStream.range(0, 20).mapToObj(i -> job("j" + i, 1_000L * i)).toList());
    await(mongo.insert("jobs", new JsonObject().put("_id", "idle")));

    List<DueKeys.Due> found = await(due.due(5_500, 100));

    assertEquals(List.of("j0", "j1", "j2", "j3", "j4", "j5"), found.stream().map(DueKeys.Due::id).toList());
  }

  @Test
  void aClaimMovesTheKeySoASecondClaimOfTheSameSightingFails() throws Exception {
    DueKeys due = new DueKeys(mongo, "jobs", "dueKey");
    await(due.createIndex());
    await(mongo.insert("jobs", job("a", 10)));
    DueKeys.Due seen = await(due.due(100, 10)).get(0);

    boolean first = await(due.claim(seen, 10_000));
    boolean second = await(due.claim(seen, 20_000));

    assertEquals(List.of(true, false), List.of(first, second));
    assertEquals(0, await(due.due(100, 10)).size(), "claimed until later, so not due now");
  }

  private static JsonObject job(String id, long dueAtMillis) {
    return new JsonObject().put("_id", id).put("dueKey", DueKeys.key(dueAtMillis, id));
  }

  /** Inserts the jobs all at once. */
  private void insertAll(List<JsonObject> jobs) throws Exception {
    await(Future.all(jobs.stream().map(job -> mongo.insert("jobs", job)).toList()));
  }
}
