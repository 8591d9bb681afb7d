package dev.ticketing.platform.mongo;

import static dev.ticketing.platform.testing.Blocking.await;
import static dev.ticketing.platform.testing.Blocking.failureOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.platform.testing.EmbeddedMongo;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.MongoClientUpdateResult;
import io.vertx.ext.mongo.UpdateOptions;
import io.vertx.junit5.VertxExtension;
import java.util.List;
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
  void outboxArrayOperations() throws Exception {
    JsonObject pending = new JsonObject().put("outbox.0", new JsonObject().put("$exists", true));
    await(mongo.insert("docs", new JsonObject().put("_id", "a").put("version", 0).put("outbox", new JsonArray())));
    await(mongo.insert("docs", new JsonObject().put("_id", "b").put("outbox", new JsonArray())));

    MongoClientUpdateResult updated = await(mongo.updateCollection("docs", new JsonObject().put("_id", "a").put("version", 0),
        new JsonObject().put("$inc", new JsonObject().put("version", 1)).put("$push", new JsonObject().put("outbox",
            new JsonObject().put("$each",
                new JsonArray().add(new JsonObject().put("id", "e1")).add(new JsonObject().put("id", "e2")))))));
    assertEquals(1, updated.getDocMatched());
    assertEquals(1, await(mongo.find("docs", pending)).size());

    await(mongo.updateCollection("docs", new JsonObject().put("_id", "a"),
        new JsonObject().put("$pull", new JsonObject().put("outbox", new JsonObject().put("id", "e1")))));
    JsonObject doc = await(mongo.findOne("docs", new JsonObject().put("_id", "a"), null));
    assertEquals(1, doc.getInteger("version"));
    assertEquals(new JsonArray().add(new JsonObject().put("id", "e2")), doc.getJsonArray("outbox"));

    MongoClientUpdateResult stale = await(mongo.updateCollection("docs", new JsonObject().put("_id", "a").put("version", 0),
        new JsonObject().put("$inc", new JsonObject().put("version", 1))));
    assertEquals(0, stale.getDocMatched(), "a stale version filter matches nothing");
  }

  @Test
  void sparseUniqueIndexDecidesWhoHoldsAValue() throws Exception {
    IndexOptions sparseUnique = new IndexOptions().unique(true).sparse(true).name("holds");
    await(mongo.createIndexWithOptions("orders", new JsonObject().put("hold", 1), sparseUnique));
    await(mongo.insert("orders", new JsonObject().put("_id", "o1").put("hold", "t1")));
    await(mongo.insert("orders", new JsonObject().put("_id", "o2")));
    await(mongo.insert("orders", new JsonObject().put("_id", "o3")));

    Throwable duplicate = failureOf(mongo.insert("orders", new JsonObject().put("_id", "o4").put("hold", "t1")));
    assertTrue(Mongo.isDuplicateKey(duplicate), duplicate.toString());

    await(mongo.updateCollection("orders", new JsonObject().put("_id", "o1"),
        new JsonObject().put("$unset", new JsonObject().put("hold", ""))));
    await(mongo.insert("orders", new JsonObject().put("_id", "o5").put("hold", "t1")));
  }

  @Test
  void findOneAndUpdateReturnsTheNewDocumentOnlyWhenTheFilterMatches() throws Exception {
    await(mongo.insert("tickets", new JsonObject().put("_id", "t").put("version", 3)));

    assertEquals(4, await(incrementVersionFrom(3)).getInteger("version"));
    assertNull(await(incrementVersionFrom(3)));
  }

  @Test
  void caseInsensitiveRegexRangeSortAndLimit() throws Exception {
    await(mongo.insert("t", new JsonObject().put("_id", "01").put("title", "Rock Concert").put("price", 2000)));
    await(mongo.insert("t", new JsonObject().put("_id", "02").put("title", "jazz night").put("price", 500)));
    await(mongo.insert("t", new JsonObject().put("_id", "03").put("title", "ROCK opera").put("price", 9000)));

    List<JsonObject> found = await(mongo.findWithOptions("t",
        new JsonObject().put("title", new JsonObject().put("$regex", "rock").put("$options", "i"))
            .put("price", new JsonObject().put("$gte", 1000).put("$lte", 9000))
            .put("_id", new JsonObject().put("$lt", "09"))
            .put("orderId", null),
        new FindOptions().setSort(new JsonObject().put("_id", -1)).setLimit(1)));

    assertEquals(1, found.size());
    assertEquals("03", found.get(0).getString("_id"));
    assertFalse(found.get(0).containsKey("orderId"));
  }

  /** Ticket t's version + 1 if it is {@code version}; the new document, or null when the filter matched nothing. */
  private Future<JsonObject> incrementVersionFrom(int version) {
    return mongo.findOneAndUpdateWithOptions("tickets", new JsonObject().put("_id", "t").put("version", version),
        new JsonObject().put("$inc", new JsonObject().put("version", 1)), new FindOptions(),
        new UpdateOptions().setReturningNewDocument(true));
  }
}
