package dev.ticketing.contracts.events;

import io.vertx.core.json.JsonObject;

/** An order was cancelled (by its buyer or by expiry); its ticket is to be released. */
public record OrderCancelled(String id, long version, String ticketId) implements EventPayload, Versioned {

  @Override
  public Subject subject() {
    return Subject.ORDER_CANCELLED;
  }

  @Override
  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("version", version)
        .put("ticket", new JsonObject().put("id", ticketId));
  }

  public static OrderCancelled fromJson(JsonObject json) {
    return new OrderCancelled(Json.string(json, "id"), Json.number(json, "version"),
        Json.string(Json.object(json, "ticket"), "id"));
  }
}
