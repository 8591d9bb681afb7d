package dev.ticketing.platform.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ticketing.platform.testing.EmbeddedMongo;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
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
  void dueAndSinceSplitTheKeysExactlyAtTheirBound(VertxTestContext test) {
    DueKeys keys = new DueKeys(mongo, "jobs", "dueKey");
    long bound = 1_796_170_633_999L;
    List<Long> times = List.of(0L, bound - 1_000_000, bound - 1, bound, bound + 1, bound + 1_000_000, 9_999_999_999_999L);
    List<Future<String>> inserts = times.stream().map(time -> mongo.insert("jobs",
        new JsonObject().put("_id", "t" + time).put("dueKey", DueKeys.key(time, "t" + time)))).toList();
    keys.createIndex()
        .compose(indexed -> Future.all(inserts))
        .compose(inserted -> keys.due(bound, 100).compose(due -> mongo.find("jobs", keys.since(bound))
            .map(since -> List.of(due.stream().map(DueKeys.Due::id).toList(),
                since.stream().map(document -> document.getString("_id")).sorted().toList()))))
        .onComplete(test.succeeding(found -> test.verify(() -> {
          assertEquals(List.of("t0", "t" + (bound - 1_000_000), "t" + (bound - 1), "t" + bound), found.get(0));
          assertEquals(List.of("t" + bound, "t" + (bound + 1), "t" + (bound + 1_000_000), "t9999999999999"), found.get(1));
          test.completeNow();
        })));
  }

  @Test
  void dueDocumentsComeOldestFirstAndOnlyThoseDue(VertxTestContext test) {
    DueKeys due = new DueKeys(mongo, "jobs", "dueKey");
    List<Future<String>> inserts = IntStream.range(0, 20).mapToObj(i -> mongo.insert("jobs",
        new JsonObject().put("_id", "j" + i).put("dueKey", DueKeys.key(1_000L * i, "j" + i)))).toList();
    due.createIndex()
        .compose(indexed -> Future.all(inserts))
        .compose(inserted -> mongo.insert("jobs", new JsonObject().put("_id", "idle")))
        .compose(inserted -> due.due(5_500, 100))
        .onComplete(test.succeeding(found -> test.verify(() -> {
          assertEquals(List.of("j0", "j1", "j2", "j3", "j4", "j5"), found.stream().map(DueKeys.Due::id).toList());
          test.completeNow();
        })));
  }

  @Test
  void aClaimMovesTheKeySoASecondClaimOfTheSameSightingFails(VertxTestContext test) {
    DueKeys due = new DueKeys(mongo, "jobs", "dueKey");
    due.createIndex()
        .compose(indexed -> mongo.insert("jobs", new JsonObject().put("_id", "a").put("dueKey", DueKeys.key(10, "a"))))
        .compose(inserted -> due.due(100, 10))
        .compose(seen -> due.claim(seen.get(0), 10_000).compose(first -> due.claim(seen.get(0), 20_000)
            .map(second -> List.of(first, second))))
        .compose(claims -> due.due(100, 10).map(after -> {
          assertEquals(List.of(true, false), claims);
          assertEquals(0, after.size(), "claimed until later, so not due now");
          return after;
        }))
        .onComplete(test.succeedingThenComplete());
  }
}
