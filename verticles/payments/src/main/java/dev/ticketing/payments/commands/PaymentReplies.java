package dev.ticketing.payments.commands;

import dev.ticketing.payments.domain.PaymentOrder;
import io.vertx.core.json.JsonObject;

/** Payments as the API shows them: {@code {id, orderId, stripeId}} of a paid order. */
final class PaymentReplies {

  private PaymentReplies() {
  }

  static JsonObject render(PaymentOrder paid) {
    return new JsonObject().put("id", paid.payment().id()).put("orderId", paid.id()).put("stripeId", paid.payment().stripeId());
  }
}
