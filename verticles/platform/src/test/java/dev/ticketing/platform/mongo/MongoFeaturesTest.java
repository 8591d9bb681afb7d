package dev.ticketing.platform.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.platform.testing.EmbeddedMongo;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Pins the MongoDB features the services rely on, against the wire server we run locally. Each
 * of them is plain MongoDB; if the stand-in ever stops supporting one, this fails first.
 */
@ExtendWith(VertxExtension.class)
class MongoFeaturesTest {

  private EmbeddedMongo server;
  private MongoClient mongo;

  @BeforeEach
  void start(Vertx vertx) {
    server = new EmbeddedMongo();
    mongo = Mongo.client(vertx, server.settings("features"));
  }

  @AfterEach
  void stop() {
    mongo.close();
    server.close();
  }

  @Test
  void outboxArrayOperations(VertxTestContext test) {
    JsonObject pending = new JsonObject().put("outbox.0", new JsonObject().put("$exists", true));
    mongo.insert("docs", new JsonObject().put("_id", "a").put("version", 0).put("outbox", new JsonArray()))
        .compose(id -> mongo.insert("docs", new JsonObject().put("_id", "b").put("outbox", new JsonArray())))
        .compose(id -> mongo.updateCollection("docs", new JsonObject().put("_id", "a").put("version", 0),
            new JsonObject().put("$inc", new JsonObject().put("version", 1)).put("$push", new JsonObject().put("outbox",
                new JsonObject().put("$each", new JsonArray().add(new JsonObject().put("id", "e1")).add(new JsonObject().put("id", "e2")))))))
        .compose(updated -> {
          test.verify(() -> assertEquals(1, updated.getDocMatched()));
          return mongo.find("docs", pending);
        })
        .compose(found -> {
          test.verify(() -> assertEquals(1, found.size()));
          return mongo.updateCollection("docs", new JsonObject().put("_id", "a"),
              new JsonObject().put("$pull", new JsonObject().put("outbox", new JsonObject().put("id", "e1"))));
        })
        .compose(pulled -> mongo.findOne("docs", new JsonObject().put("_id", "a"), null))
        .compose(doc -> {
          test.verify(() -> {
            assertEquals(1, doc.getInteger("version"));
            assertEquals(new JsonArray().add(new JsonObject().put("id", "e2")), doc.getJsonArray("outbox"));
          });
          return mongo.updateCollection("docs", new JsonObject().put("_id", "a").put("version", 0),
              new JsonObject().put("$inc", new JsonObject().put("version", 1)));
        })
        .onComplete(test.succeeding(stale -> test.verify(() -> {
          assertEquals(0, stale.getDocMatched(), "a stale version filter matches nothing");
          test.completeNow();
        })));
  }

  @Test
  void sparseUniqueIndexDecidesWhoHoldsAValue(VertxTestContext test) {
    IndexOptions sparseUnique = new IndexOptions().unique(true).sparse(true).name("holds");
    mongo.createIndexWithOptions("orders", new JsonObject().put("hold", 1), sparseUnique)
        .compose(v -> mongo.insert("orders", new JsonObject().put("_id", "o1").put("hold", "t1")))
        .compose(v -> mongo.insert("orders", new JsonObject().put("_id", "o2")))
        .compose(v -> mongo.insert("orders", new JsonObject().put("_id", "o3")))
        .compose(v -> mongo.insert("orders", new JsonObject().put("_id", "o4").put("hold", "t1")))
        .onComplete(test.failing(duplicate -> test.verify(() -> {
          assertTrue(Mongo.isDuplicateKey(duplicate), duplicate.toString());
          mongo.updateCollection("orders", new JsonObject().put("_id", "o1"),
                  new JsonObject().put("$unset", new JsonObject().put("hold", "")))
              .compose(v -> mongo.insert("orders", new JsonObject().put("_id", "o5").put("hold", "t1")))
              .onComplete(test.succeedingThenComplete());
        })));
  }

  @Test
  void findOneAndUpdateReturnsTheNewDocumentOnlyWhenTheFilterMatches(VertxTestContext test) {
    mongo.insert("tickets", new JsonObject().put("_id", "t").put("version", 3))
        .compose(id -> mongo.findOneAndUpdateWithOptions("tickets", new JsonObject().put("_id", "t").put("version", 3),
            new JsonObject().put("$inc", new JsonObject().put("version", 1)), new FindOptions(), new UpdateOptions().setReturningNewDocument(true)))
        .compose(updated -> {
          test.verify(() -> assertEquals(4, updated.getInteger("version")));
          return mongo.findOneAndUpdateWithOptions("tickets", new JsonObject().put("_id", "t").put("version", 3),
              new JsonObject().put("$inc", new JsonObject().put("version", 1)), new FindOptions(), new UpdateOptions().setReturningNewDocument(true));
        })
        .onComplete(test.succeeding(missed -> test.verify(() -> {
          assertNull(missed);
          test.completeNow();
        })));
  }

  @Test
  void caseInsensitiveRegexRangeSortAndLimit(VertxTestContext test) {
    mongo.insert("t", new JsonObject().put("_id", "01").put("title", "Rock Concert").put("price", 2000))
        .compose(v -> mongo.insert("t", new JsonObject().put("_id", "02").put("title", "jazz night").put("price", 500)))
        .compose(v -> mongo.insert("t", new JsonObject().put("_id", "03").put("title", "ROCK opera").put("price", 9000)))
        .compose(v -> mongo.findWithOptions("t",
            new JsonObject().put("title", new JsonObject().put("$regex", "rock").put("$options", "i"))
                .put("price", new JsonObject().put("$gte", 1000).put("$lte", 9000))
                .put("_id", new JsonObject().put("$lt", "09"))
                .put("orderId", null),
            new FindOptions().setSort(new JsonObject().put("_id", -1)).setLimit(1)))
        .onComplete(test.succeeding(found -> test.verify(() -> {
          assertEquals(1, found.size());
          assertEquals("03", found.get(0).getString("_id"));
          assertFalse(found.get(0).containsKey("orderId"));
          test.completeNow();
        })));
  }
}
