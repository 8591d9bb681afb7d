package dev.ticketing.payments.store;

import dev.ticketing.contracts.events.OrderCreated;
import dev.ticketing.payments.domain.Payment;
import dev.ticketing.payments.domain.PaymentOrder;
import dev.ticketing.payments.domain.Refund;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * The stored shape of {@link PaymentOrder}: {_id, version, status, userId, price, expiresAt,
 * attempts, declines, intent?, attemptKey?, payment?, refund?, refundKey?, outbox}. The two keys
 * are due keys (see DueKeys): {@value #ATTEMPT_KEY} while a confirmation's outcome is not recorded
 * (the reconciler asks Stripe when it is due), {@value #REFUND_KEY} while a refund is owed.
 */
final class OrderDocuments {

  static final String ATTEMPT_KEY = "attemptKey";
  static final String REFUND_KEY = "refundKey";

  private OrderDocuments() {
  }

  /** The replica's state on creation; _id and version come from the event. */
  static JsonObject created(OrderCreated event) {
    return created(event.status(), event.userId(), event.ticketPrice(), event.expiresAt());
  }

  static JsonObject created(String status, String userId, long price, Instant expiresAt) {
    return new JsonObject()
        .put("status", status)
        .put("userId", userId)
        .put("price", price)
        .put("expiresAt", expiresAt.toString())
        .put("attempts", 0L)
        .put("declines", 0);
  }

  static PaymentOrder read(JsonObject document) {
    if (document == null) {
      return null;
    }
    JsonObject intent = document.getJsonObject("intent");
    return new PaymentOrder(
        document.getString("_id"),
        document.getLong("version"),
        document.getString("status"),
        document.getString("userId"),
        document.getLong("price"),
        Instant.parse(document.getString("expiresAt")),
        document.getLong("attempts", 0L),
        document.getInteger("declines", 0),
        intent == null ? null : intent.getString("id"),
        document.containsKey(ATTEMPT_KEY),
        payment(document.getJsonObject("payment")),
        refund(document.getJsonObject("refund")));
  }

  static JsonObject of(Payment payment) {
    return new JsonObject().put("id", payment.id()).put("stripeId", payment.stripeId())
        .put("createdAt", payment.createdAt().toString());
  }

  static JsonObject of(Refund refund) {
    return new JsonObject().put("id", refund.id()).put("createdAt", refund.createdAt().toString());
  }

  private static Payment payment(JsonObject json) {
    return json == null ? null
        : new Payment(json.getString("id"), json.getString("stripeId"), Instant.parse(json.getString("createdAt")));
  }

  private static Refund refund(JsonObject json) {
    return json == null ? null : new Refund(json.getString("id"), Instant.parse(json.getString("createdAt")));
  }
}
