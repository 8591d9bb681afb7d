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
import java.util.Random;
import java.util.regex.Pattern;
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
  void theBoundMatchesExactlyTheKeysAtOrBeforeIt() {
    Random random = new Random(42);
    for (int round = 0; round < 2_000; round++) {
      long bound = Math.abs(random.nextLong()) % 9_999_999_999_999L;
      Pattern atMost = Pattern.compile(DueKeys.atMost(bound));
      Pattern atLeast = Pattern.compile(DueKeys.atLeast(bound));
      for (long delta : new long[] {-1_000_000, -1, 0, 1, 1_000_000, random.nextInt(1000) - 500}) {
        long time = Math.max(0, bound + delta);
        String key = DueKeys.key(time, "x");
        assertEquals(time <= bound, atMost.matcher(key).find(), "key " + time + " at most " + bound);
        assertEquals(time >= bound, atLeast.matcher(key).find(), "key " + time + " at least " + bound);
      }
    }
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
