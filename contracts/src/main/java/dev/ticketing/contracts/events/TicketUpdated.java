package dev.ticketing.contracts.events;

import io.vertx.core.json.JsonObject;

/**
 * A ticket changed: edited, reserved ({@code orderId} set), released ({@code orderId} null) or
 * sold ({@code sold} true, its order complete). Carries the whole new state, so a replica needs
 * nothing else. {@code price} is in minor units. {@code sold} was added later: a payload without
 * it decodes as not sold, so the change is compatible in both directions.
 */
public record TicketUpdated(String id, long version, String title, long price, String userId, String orderId,
                            boolean sold)
    implements EventPayload, Versioned {

  @Override
  public Subject subject() {
    return Subject.TICKET_UPDATED;
  }

  @Override
  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("version", version)
        .put("title", title)
        .put("price", price)
        .put("userId", userId)
        .put("orderId", orderId)
        .put("sold", sold);
  }

  public static TicketUpdated fromJson(JsonObject json) {
    return new TicketUpdated(Json.string(json, "id"), Json.number(json, "version"),
        Json.string(json, "title"), Json.number(json, "price"), Json.string(json, "userId"),
        Json.optionalString(json, "orderId"), Json.optionalBoolean(json, "sold"));
  }
}
