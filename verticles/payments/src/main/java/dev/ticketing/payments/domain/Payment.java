package dev.ticketing.payments.domain;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** The payment of one order: our id, and the Stripe PaymentIntent that moved the money. */
public record Payment(String id, String stripeId, Instant createdAt) {

  public JsonObject toDocument() {
    return new JsonObject().put("id", id).put("stripeId", stripeId).put("createdAt", createdAt.toString());
  }

  public static Payment fromDocument(JsonObject json) {
    return json == null ? null
        : new Payment(json.getString("id"), json.getString("stripeId"), Instant.parse(json.getString("createdAt")));
  }

  /** The API's payment result {@code {id, orderId, stripeId}}. */
  public JsonObject toReply(String orderId) {
    return new JsonObject().put("id", id).put("orderId", orderId).put("stripeId", stripeId);
  }
}
