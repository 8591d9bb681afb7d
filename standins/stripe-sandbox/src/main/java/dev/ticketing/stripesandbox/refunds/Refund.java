package dev.ticketing.stripesandbox.refunds;

import java.util.Map;

/** A refund; in this sandbox refunds succeed at once and never change afterwards. */
public record Refund(
    String id,
    long amount,
    String currency,
    String paymentIntentId,
    String chargeId,
    String reason,
    Map<String, String> metadata,
    long created) {
}
