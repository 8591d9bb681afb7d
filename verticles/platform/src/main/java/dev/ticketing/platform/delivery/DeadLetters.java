package dev.ticketing.platform.delivery;

import dev.ticketing.platform.mongo.Mongo;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Outbox entries their consumer refused again and again (a payload it cannot decode, a bug that
 * fails every time), set aside in collection {@value #COLLECTION} so they stop blocking the entries
 * behind them. An operator sees them and, once the consumer is fixed, replays them: each goes back
 * into its document's outbox and is delivered as before. One record per entry id, so setting aside
 * an entry twice (a crash between the two writes) keeps one.
 */
public final class DeadLetters {

  public static final String COLLECTION = "dead_letters";

  private final MongoClient mongo;
  private final String collection;

  DeadLetters(MongoClient mongo, String collection) {
    this.mongo = mongo;
    this.collection = collection;
  }

  /** Records the entry; succeeds too when it was recorded before. */
  Future<Void> add(OutboxEntry entry, int refusals, String reason) {
    JsonObject letter = new JsonObject()
        .put("_id", entry.id())
        .put("collection", collection)
        .put("documentId", entry.documentId())
        .put("group", entry.group().wireName())
        .put("subject", entry.subject().wireName())
        .put("refusals", refusals)
        .put("reason", reason)
        .put("at", System.currentTimeMillis())
        .put("entry", entry.json());
    return mongo.insert(COLLECTION, letter)
        .<Void>mapEmpty()
        .recover(failure -> Mongo.isDuplicateKey(failure) ? Future.succeededFuture() : Future.failedFuture(failure));
  }

  /** The dead letters of this relay's collection, oldest first (they are few: each one is a bug to fix). */
  public Future<List<JsonObject>> list(int limit) {
    FindOptions options = new FindOptions().setSort(new JsonObject().put("at", 1)).setLimit(limit);
    return mongo.findWithOptions(COLLECTION, new JsonObject().put("collection", collection), options);
  }

  /** How many dead letters each consumer group has, from the group field alone (the gauges read this every few seconds). */
  Future<Map<String, Long>> countByGroup() {
    FindOptions options = new FindOptions().setFields(new JsonObject().put("group", 1));
    return mongo.findWithOptions(COLLECTION, new JsonObject().put("collection", collection), options)
        .map(letters -> letters.stream().collect(Collectors.groupingBy(letter -> letter.getString("group"), TreeMap::new,
            Collectors.counting())));
  }

  /**
   * Puts one dead letter back into its document's outbox (the relay then delivers it) and forgets it.
   * A crash between the two writes leaves it in both places; it is then delivered twice, which the
   * consumer's version check absorbs.
   */
  Future<Boolean> replay(String entryId) {
    return mongo.findOne(COLLECTION, new JsonObject().put("_id", entryId), null).compose(letter -> {
      if (letter == null) {
        return Future.succeededFuture(false);
      }
      String documentId = letter.getString("documentId");
      JsonObject update = new JsonObject()
          .put("$push", new JsonObject().put(Outbox.FIELD, new JsonObject().put("$each", new JsonArray().add(letter.getJsonObject("entry")))))
          .put("$inc", new JsonObject().put(Outbox.SEQUENCE, 1))
          .put("$set", new JsonObject().put(Outbox.PENDING, Outbox.pendingKey(documentId)));
      return mongo.updateCollection(collection, new JsonObject().put("_id", documentId), update)
          .compose(put -> mongo.removeDocument(COLLECTION, new JsonObject().put("_id", entryId)))
          .map(true);
    });
  }
}
