package dev.ticketing.platform.delivery;

import dev.ticketing.contracts.events.ConsumerGroup;
import dev.ticketing.contracts.events.EventPayload;
import dev.ticketing.platform.logging.RequestIds;
import dev.ticketing.platform.mongo.DueKeys;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.UUID;

/**
 * The outbox lives inside each aggregate document, in the array {@value #FIELD}: one entry per
 * (event, consumer group). Because the entries are written by the same single-document update as
 * the state change, an event exists if and only if its change happened. {@link OutboxRelay}
 * delivers the entries and removes each one when its group has acknowledged it.
 *
 * <p>The same write also stamps two fields the relay needs: {@value #SEQUENCE}, a counter of
 * writes that added entries (the relay clears the document only if no entry arrived since it
 * read), and {@value #PENDING}, a due key (see {@link DueKeys}) that puts the document in the
 * index of documents with something to deliver, so a sweep finds them without reading the rest.
 */
public final class Outbox {

  public static final String FIELD = "outbox";
  public static final String SEQUENCE = "outboxSeq";
  public static final String PENDING = "outboxPending";

  private Outbox() {
  }

  /** The entries for {@code events}, in order, one per subscribed group. */
  public static JsonArray entries(EventPayload... events) {
    JsonArray entries = new JsonArray();
    long now = System.currentTimeMillis();
    // The request being handled, if any: its id goes with the event so the consumers' log lines carry it.
    String requestId = RequestIds.current();
    for (EventPayload event : events) {
      String eventId = UUID.randomUUID().toString();
      for (ConsumerGroup group : event.subject().consumers()) {
        JsonObject entry = new JsonObject()
            .put("id", eventId + "/" + group.wireName())
            .put("eventId", eventId)
            .put("subject", event.subject().wireName())
            .put("group", group.wireName())
            .put("at", now)
            .put("payload", event.toJson());
        entries.add(requestId == null ? entry : entry.put("requestId", requestId));
      }
    }
    return entries;
  }

  /**
   * Adds the events to a Mongo update of document {@code documentId}: {@code $push} with
   * {@code $each} (keeping order), the sequence incremented, the document marked pending.
   */
  public static JsonObject push(JsonObject update, String documentId, EventPayload... events) {
    JsonObject push = update.getJsonObject("$push", new JsonObject());
    push.put(FIELD, new JsonObject().put("$each", entries(events)));
    JsonObject inc = update.getJsonObject("$inc", new JsonObject()).put(SEQUENCE, 1);
    JsonObject set = update.getJsonObject("$set", new JsonObject()).put(PENDING, pendingKey(documentId));
    return update.put("$push", push).put("$inc", inc).put("$set", set);
  }

  /** Adds the events to a document about to be inserted (it must carry its {@code _id}). */
  public static JsonObject attach(JsonObject document, EventPayload... events) {
    return document
        .put(FIELD, entries(events))
        .put(SEQUENCE, 1L)
        .put(PENDING, pendingKey(document.getString("_id")));
  }

  /** The fields the relay reads; add them to a write's projection to hand the result straight to it. */
  public static JsonObject projection() {
    return new JsonObject().put(FIELD, 1).put(SEQUENCE, 1);
  }

  /** Leaves the relay's fields out of a read that does not need them. */
  public static JsonObject withoutOutbox() {
    return new JsonObject().put(FIELD, 0).put(SEQUENCE, 0).put(PENDING, 0);
  }

  static String pendingKey(String documentId) {
    return DueKeys.key(System.currentTimeMillis(), documentId);
  }
}
