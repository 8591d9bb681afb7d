package dev.ticketing.platform.delivery;

import dev.ticketing.contracts.events.ConsumerGroup;
import dev.ticketing.contracts.events.EventPayload;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.UUID;

/**
 * The outbox lives inside each aggregate document, in the array {@value #FIELD}: one entry per
 * (event, consumer group). Because the entries are written by the same single-document update as
 * the state change, an event exists if and only if its change happened. {@link OutboxRelay}
 * delivers the entries and removes each one when its group has acknowledged it.
 */
public final class Outbox {

  public static final String FIELD = "outbox";

  private Outbox() {
  }

  /** The entries for {@code events}, in order, one per subscribed group. */
  public static JsonArray entries(EventPayload... events) {
    JsonArray entries = new JsonArray();
    for (EventPayload event : events) {
      String eventId = UUID.randomUUID().toString();
      for (ConsumerGroup group : event.subject().consumers()) {
        entries.add(new JsonObject()
            .put("id", eventId + "/" + group.wireName())
            .put("eventId", eventId)
            .put("subject", event.subject().wireName())
            .put("group", group.wireName())
            .put("payload", event.toJson()));
      }
    }
    return entries;
  }

  /** Adds the events to a Mongo update document ({@code $push} with {@code $each}, keeping order). */
  public static JsonObject push(JsonObject update, EventPayload... events) {
    JsonObject push = update.getJsonObject("$push", new JsonObject());
    push.put(FIELD, new JsonObject().put("$each", entries(events)));
    return update.put("$push", push);
  }

  /** Adds the events to a document about to be inserted. */
  public static JsonObject attach(JsonObject document, EventPayload... events) {
    return document.put(FIELD, entries(events));
  }
}
