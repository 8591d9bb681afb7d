package dev.ticketing.platform.delivery;

import dev.ticketing.platform.mongo.DueKeys;
import dev.ticketing.platform.mongo.Mongo;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import java.util.concurrent.TimeUnit;

/**
 * The relay's own reads and writes on the aggregate documents: only the outbox fields, only by
 * {@code _id} or by {@code _id} and sequence (a unique index serves both). Every call is bounded
 * by the store timeout, so a hung database cannot leave a delivery marked as running for ever.
 */
final class OutboxStore {

  /** How one pass ended for the document. */
  enum Settled {
    /** Everything delivered, the document is no longer pending. */
    DONE,
    /** Everything read was delivered, but newer entries arrived meanwhile: deliver again now. */
    NEW_ENTRIES,
    /** Some group did not acknowledge; what was acknowledged is removed, the rest waits for a retry. */
    FAILED
  }

  private static final String META = "outbox_meta";

  private final MongoClient mongo;
  private final String collection;
  private final long timeoutMillis;

  OutboxStore(MongoClient mongo, String collection, long timeoutMillis) {
    this.mongo = mongo;
    this.collection = collection;
    this.timeoutMillis = timeoutMillis;
  }

  /** The pending index, and {_id, sequence}: the filter of the write that clears a delivered outbox. */
  Future<Void> createIndexes(DueKeys pending) {
    return pending.createIndex()
        .compose(done -> Mongo.uniqueIndex(mongo, collection,
            new JsonObject().put("_id", 1).put(Outbox.SEQUENCE, 1), "outbox_sequence"));
  }

  /**
   * Documents written before outboxes were marked pending: marked once, so the sweep finds them. A
   * one-time scan at the first start of this version (recorded in {@value #META}), never again.
   */
  Future<Void> markLegacyPending() {
    JsonObject marker = new JsonObject().put("_id", collection + ":pending-index");
    return mongo.findOne(META, marker, null).compose(done -> {
      if (done != null) {
        return Future.succeededFuture();
      }
      JsonObject legacy = new JsonObject().put(Outbox.FIELD + ".0", new JsonObject().put("$exists", true))
          .put(Outbox.PENDING, new JsonObject().put("$exists", false));
      return mongo.findWithOptions(collection, legacy, new FindOptions().setFields(new JsonObject().put("_id", 1)))
          .compose(found -> Future.all(found.stream().map(document -> mongo.updateCollection(collection,
              new JsonObject().put("_id", document.getString("_id")),
              new JsonObject()
                  .put("$set", new JsonObject().put(Outbox.PENDING, Outbox.pendingKey(document.getString("_id"))))
                  .put("$max", new JsonObject().put(Outbox.SEQUENCE, 0)))).toList()))
          .compose(marked -> mongo.insert(META, marker.copy().put("at", System.currentTimeMillis())))
          .recover(failure -> Mongo.isDuplicateKey(failure) ? Future.succeededFuture() : Future.failedFuture(failure))
          .mapEmpty();
    });
  }

  /** The document's outbox fields, or null when it is gone. */
  Future<JsonObject> read(String documentId) {
    return bounded(mongo.findOne(collection, byId(documentId), Outbox.projection()));
  }

  /**
   * Removes what was delivered. When everything was, and nothing was added since the read (same
   * sequence), the same write takes the document out of the pending index.
   */
  Future<Settled> settle(String documentId, DocumentDrain.Result result) {
    JsonObject pull = new JsonObject().put(Outbox.FIELD,
        new JsonObject().put("id", new JsonObject().put("$in", new JsonArray(result.done()))));
    if (!result.complete()) {
      return result.done().isEmpty() ? Future.succeededFuture(Settled.FAILED)
          : bounded(mongo.updateCollection(collection, byId(documentId), new JsonObject().put("$pull", pull)))
              .map(Settled.FAILED);
    }
    JsonObject clear = new JsonObject().put("$unset", new JsonObject().put(Outbox.PENDING, ""));
    if (!result.done().isEmpty()) {
      clear.put("$pull", pull);
    }
    JsonObject unchanged = byId(documentId).put(Outbox.SEQUENCE, result.sequence());
    return bounded(mongo.updateCollection(collection, unchanged, clear)).compose(cleared -> {
      if (cleared.getDocMatched() == 1) {
        return Future.succeededFuture(Settled.DONE);
      }
      return result.done().isEmpty() ? Future.succeededFuture(Settled.NEW_ENTRIES)
          : bounded(mongo.updateCollection(collection, byId(documentId), new JsonObject().put("$pull", pull)))
              .map(Settled.NEW_ENTRIES);
    });
  }

  private <T> Future<T> bounded(Future<T> call) {
    return call.timeout(timeoutMillis, TimeUnit.MILLISECONDS);
  }

  private static JsonObject byId(String documentId) {
    return new JsonObject().put("_id", documentId);
  }
}
