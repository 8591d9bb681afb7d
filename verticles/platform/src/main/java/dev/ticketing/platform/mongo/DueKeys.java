package dev.ticketing.platform.mongo;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import java.util.List;

/**
 * "Which documents are due by time T?" answered from an index, for sweeps that must cost what is
 * due, not what is stored. A document that is waiting for something (an outbox to deliver, an order
 * to expire, a payment attempt to settle) carries a field {@code <13-digit epoch millis>:<id>}; the
 * field is removed when nothing is waiting any more. A sparse unique index holds only the waiting
 * documents, and a range query on the keys ({@code $lt} the next millisecond) walks just the due
 * part of that index. The keys are fixed-width digits, so string order is time order.
 *
 * <p>MongoDB serves such a range from the index; so does the Mongo wire server we run locally (its
 * library serves only equality and {@code $in} from an index; our stand-in adds ranges).
 *
 * <p>A key rewritten at every change of its document, and never removed, answers the opposite
 * question from the same kind of index: "which documents changed at T or later?" ({@link #since}).
 */
public final class DueKeys {

  private static final int DIGITS = 13; // epoch millis stay 13 digits until the year 2286

  private final MongoClient mongo;
  private final String collection;
  private final String field;

  public DueKeys(MongoClient mongo, String collection, String field) {
    this.mongo = mongo;
    this.collection = collection;
    this.field = field;
  }

  public String field() {
    return field;
  }

  /** The value that marks {@code id} as due at {@code dueAtMillis}. */
  public static String key(long dueAtMillis, String id) {
    return stamp(dueAtMillis) + ":" + id;
  }

  /** The time part of a key: every key of that time starts with it, and sorts before the next time's. */
  private static String stamp(long millis) {
    return String.format("%0" + DIGITS + "d", Math.max(0, millis));
  }

  /** The due time written in a key. */
  public static long dueAt(String key) {
    return Long.parseLong(key.substring(0, DIGITS));
  }

  /** Sparse (only waiting documents are in it) and unique (a key holds the document id, so it is). */
  public Future<Void> createIndex() {
    return mongo.createIndexWithOptions(collection, new JsonObject().put(field, 1),
        new IndexOptions().unique(true).sparse(true).name(field + "_due"));
  }

  /** A document that is due, with the key that says so. */
  public record Due(String id, String key) {
  }

  /** The documents due at {@code nowMillis} or earlier, oldest first, at most {@code limit}. */
  public Future<List<Due>> due(long nowMillis, int limit) {
    JsonObject query = new JsonObject().put(field, new JsonObject().put("$lt", stamp(nowMillis + 1)));
    FindOptions options = new FindOptions()
        .setFields(new JsonObject().put("_id", 1).put(field, 1))
        .setSort(new JsonObject().put(field, 1))
        .setLimit(limit);
    return mongo.findWithOptions(collection, query, options)
        .map(documents -> documents.stream().map(document -> new Due(document.getString("_id"), document.getString(field))).toList());
  }

  /**
   * Takes a due document for {@code untilMillis}: its key moves to that time, so no other sweeper
   * (in this JVM or another) picks it up before then. False when someone else took it first.
   */
  public Future<Boolean> claim(Due due, long untilMillis) {
    return mongo.updateCollection(collection, new JsonObject().put(field, due.key()),
            new JsonObject().put("$set", new JsonObject().put(field, key(untilMillis, due.id()))))
        .map(result -> result.getDocMatched() == 1);
  }

  /** Makes the document due again at {@code untilMillis} (a retry later, say). */
  public Future<Void> postpone(String id, long untilMillis) {
    return mongo.updateCollection(collection, new JsonObject().put("_id", id),
        new JsonObject().put("$set", new JsonObject().put(field, key(untilMillis, id)))).mapEmpty();
  }

  /** Every waiting document, with {@code projection}'s fields: O(waiting), for figures such as a backlog. */
  public Future<List<JsonObject>> waiting(JsonObject projection) {
    JsonObject query = new JsonObject().put(field, new JsonObject().put("$gte", ""));
    return mongo.findWithOptions(collection, query, new FindOptions().setFields(projection.copy().put(field, 1)));
  }

  /** The query for the documents whose key time is at least {@code millis}. */
  public JsonObject since(long millis) {
    return new JsonObject().put(field, new JsonObject().put("$gte", stamp(millis)));
  }
}
