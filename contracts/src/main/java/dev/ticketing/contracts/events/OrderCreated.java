package dev.ticketing.contracts.events;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * An order now holds a ticket until {@code expiresAt}. {@code ticketPrice} is in minor units.
 * {@code ticketVersion} is the version of the ticket the order was priced from: the tickets service
 * refuses the reservation when the ticket was edited after that version (the buyer would pay a
 * price the seller no longer asks). It was added later; a payload without it decodes as -1,
 * "unknown", and is not checked.
 */
public record OrderCreated(String id, long version, String status, String userId, Instant expiresAt,
                           String ticketId, long ticketPrice, long ticketVersion) implements EventPayload, Versioned {

  public static final long UNKNOWN_TICKET_VERSION = -1;

  @Override
  public Subject subject() {
    return Subject.ORDER_CREATED;
  }

  @Override
  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("version", version)
        .put("status", status)
        .put("userId", userId)
        .put("expiresAt", expiresAt.toString())
        .put("ticket", new JsonObject().put("id", ticketId).put("price", ticketPrice).put("version", ticketVersion));
  }

  public static OrderCreated fromJson(JsonObject json) {
    JsonObject ticket = Json.object(json, "ticket");
    return new OrderCreated(Json.string(json, "id"), Json.number(json, "version"),
        Json.string(json, "status"), Json.string(json, "userId"), Json.instant(json, "expiresAt"),
        Json.string(ticket, "id"), Json.number(ticket, "price"),
        ticket.containsKey("version") ? Json.number(ticket, "version") : UNKNOWN_TICKET_VERSION);
  }
}
