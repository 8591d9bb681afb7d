package dev.ticketing.platform.delivery;

import dev.ticketing.contracts.events.ConsumerGroup;
import dev.ticketing.contracts.events.Subject;
import io.vertx.core.json.JsonObject;

/**
 * One stored outbox entry: an event for one consumer group.
 *
 * @param documentId the aggregate document whose outbox holds the entry
 * @param id      unique per (event, group); what the relay removes once the group acknowledged
 * @param eventId the event's id, the same for every group; consumers see it in a message header
 * @param at      when the event was written, epoch millis (0 for entries older than this field)
 * @param requestId the HTTP request that caused the event, or null (a sweep, a timer, an older entry)
 */
record OutboxEntry(String documentId, String id, String eventId, Subject subject, ConsumerGroup group, long at, String requestId,
                   JsonObject payload, JsonObject json) {

  static OutboxEntry from(String documentId, JsonObject json) {
    return new OutboxEntry(documentId, json.getString("id"), json.getString("eventId"), Subject.fromWire(json.getString("subject")),
        ConsumerGroup.fromWire(json.getString("group")), json.getLong("at", 0L), json.getString("requestId"),
        json.getJsonObject("payload"), json);
  }
}
