package dev.ticketing.contracts.events;

import io.vertx.core.json.JsonObject;

/**
 * The hold of an order ran out. Not versioned: it only asks "cancel unless complete", which the
 * orders service decides against its own state, so applying it twice changes nothing.
 */
public record ExpirationComplete(String orderId) implements EventPayload {

  @Override
  public Subject subject() {
    return Subject.EXPIRATION_COMPLETE;
  }

  @Override
  public JsonObject toJson() {
    return new JsonObject().put("orderId", orderId);
  }

  public static ExpirationComplete fromJson(JsonObject json) {
    return new ExpirationComplete(Json.string(json, "orderId"));
  }
}
