package dev.ticketing.contracts.events;

import io.vertx.core.json.JsonObject;

/** An order was paid: its ticket is sold for good. */
public record OrderCompleted(String id, long version, String ticketId) implements EventPayload, Versioned {

  @Override
  public Subject subject() {
    return Subject.ORDER_COMPLETED;
  }

  @Override
  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("version", version)
        .put("ticket", new JsonObject().put("id", ticketId));
  }

  public static OrderCompleted fromJson(JsonObject json) {
    return new OrderCompleted(Json.string(json, "id"), Json.number(json, "version"),
        Json.string(Json.object(json, "ticket"), "id"));
  }
}
