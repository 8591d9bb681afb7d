package dev.ticketing.platform.delivery;

import dev.ticketing.contracts.events.Versioned;
import dev.ticketing.platform.mongo.Mongo;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;

/**
 * Keeps a copy of another service's aggregate, one document per id, fed by its versioned events.
 * Version 0 is an insert (a duplicate key means we have it already); version v is an update whose
 * filter requires v - 1, so it can apply once and only on top of its predecessor. When the write
 * matches nothing, the version we hold tells a duplicate from a gap.
 */
public final class VersionedReplica {

  private final MongoClient mongo;
  private final String collection;

  public VersionedReplica(MongoClient mongo, String collection) {
    this.mongo = mongo;
    this.collection = collection;
  }

  /** Stores {@code state} (without _id and version, which come from the event) as version {@code event.version()}. */
  public Future<Outcome> apply(Versioned event, JsonObject state) {
    JsonObject document = state.copy().put("version", event.version());
    if (event.version() == 0) {
      return mongo.insert(collection, document.put("_id", event.id()))
          .map(Outcome.APPLIED)
          .recover(failure -> Mongo.isDuplicateKey(failure) ? classify(event) : Future.failedFuture(failure));
    }
    JsonObject filter = new JsonObject().put("_id", event.id()).put("version", event.version() - 1);
    return mongo.updateCollection(collection, filter, new JsonObject().put("$set", document))
        .compose(result -> result.getDocMatched() == 1 ? Future.succeededFuture(Outcome.APPLIED) : classify(event));
  }

  /**
   * Stores {@code state} as version {@code at.version()} if we hold nothing for this id yet: for a
   * copy fetched from its owner because a request could not wait for the events. The events up to
   * that version then arrive as duplicates and later ones apply on top. False when we had it.
   */
  public Future<Boolean> seed(Versioned at, JsonObject state) {
    return mongo.insert(collection, state.copy().put("version", at.version()).put("_id", at.id()))
        .map(true)
        .recover(failure -> Mongo.isDuplicateKey(failure) ? Future.succeededFuture(false) : Future.failedFuture(failure));
  }

  /** {_id, version}: the filter of every update, unique so the Mongo wire server serves it from the index. */
  public Future<Void> createIndexes() {
    return Mongo.uniqueIndex(mongo, collection, new JsonObject().put("_id", 1).put("version", 1), "id_version");
  }

  /** The version held now, or null when we hold nothing for this id. */
  public Future<Long> heldVersion(String id) {
    return mongo.findOne(collection, new JsonObject().put("_id", id), new JsonObject().put("version", 1))
        .map(document -> document == null ? null : document.getLong("version"));
  }

  private Future<Outcome> classify(Versioned event) {
    return heldVersion(event.id()).map(held -> {
      if (VersionCheck.shouldApply(held, event)) {
        // Held exactly v - 1 yet our write missed: another write raced us. Refuse; it comes again.
        throw new OutOfOrder("concurrent write on " + event.id() + " v" + event.version());
      }
      return Outcome.DUPLICATE;
    });
  }
}
