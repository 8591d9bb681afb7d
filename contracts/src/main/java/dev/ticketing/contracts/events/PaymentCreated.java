package dev.ticketing.contracts.events;

import io.vertx.core.json.JsonObject;

/**
 * An order was paid. Not versioned: a payment happens once per order (the payments service
 * records at most one), and completing a complete order changes nothing.
 */
public record PaymentCreated(String id, String orderId, String stripeId) implements EventPayload {

  @Override
  public Subject subject() {
    return Subject.PAYMENT_CREATED;
  }

  @Override
  public JsonObject toJson() {
    return new JsonObject().put("id", id).put("orderId", orderId).put("stripeId", stripeId);
  }

  public static PaymentCreated fromJson(JsonObject json) {
    return new PaymentCreated(Json.string(json, "id"), Json.string(json, "orderId"), Json.string(json, "stripeId"));
  }
}
