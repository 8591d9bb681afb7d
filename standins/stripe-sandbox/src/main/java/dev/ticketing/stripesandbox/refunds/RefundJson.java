package dev.ticketing.stripesandbox.refunds;

import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;

/** Renders a refund as Stripe's {@code "object": "refund"} (stripe-java picks its model class by that field). */
final class RefundJson {

  private RefundJson() {
  }

  static JsonObject render(Refund refund) {
    return new JsonObject()
        .put("id", refund.id())
        .put("object", "refund")
        .put("amount", refund.amount())
        .putNull("balance_transaction")
        .put("charge", refund.chargeId())
        .put("created", refund.created())
        .put("currency", refund.currency())
        .put("metadata", new JsonObject(new LinkedHashMap<String, Object>(refund.metadata())))
        .put("payment_intent", refund.paymentIntentId())
        .put("reason", refund.reason())
        .putNull("receipt_number")
        .putNull("source_transfer_reversal")
        .put("status", "succeeded")
        .putNull("transfer_reversal");
  }
}
