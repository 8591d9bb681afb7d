package dev.ticketing.payments.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The payment of one order: our id, and the order's Stripe PaymentIntent, which moved the money.
 * An order has one intent and so at most one payment, and the payment's id is derived from the
 * order: whichever path records it (the buyer's request, the reconciler, Stripe's webhook), and
 * however often, it is the same payment.
 */
public record Payment(String id, String stripeId, Instant createdAt) {

  public static Payment of(String orderId, String intentId, Instant at) {
    return new Payment(idFor(orderId), intentId, at);
  }

  /** 24 hex characters, like every id we hand out, derived from the order's id. */
  static String idFor(String orderId) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(("payment:" + orderId).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, 24);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
