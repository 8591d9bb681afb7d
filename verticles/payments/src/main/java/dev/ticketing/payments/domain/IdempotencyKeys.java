package dev.ticketing.payments.domain;

/**
 * The Idempotency-Key of every Stripe call, derived from our own records so that repeating a call
 * (a double click, a network retry, a redelivered event, two instances racing) can never move money
 * twice: Stripe answers a repeated key with the first answer.
 */
public final class IdempotencyKeys {

  private IdempotencyKeys() {
  }

  /**
   * One key per payment attempt. The attempt number is the count of declines recorded so far: a
   * retried request reuses the key (one charge at most), a new attempt after a decline gets a fresh one.
   */
  public static String charge(String orderId, int declines) {
    return "pay-" + orderId + "-" + declines;
  }

  /** An order is refunded at most once, whoever notices first (listener, payer, sweep). */
  public static String refund(String orderId) {
    return "refund-" + orderId;
  }

  /** Refund of a charge that lost the race to be an order's payment (a second charge that must not stick). */
  public static String strayRefund(String stripeId) {
    return "refund-stray-" + stripeId;
  }
}
