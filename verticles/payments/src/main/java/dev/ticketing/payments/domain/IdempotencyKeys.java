package dev.ticketing.payments.domain;

/**
 * The Idempotency-Key of every Stripe call, derived from our own records so that repeating a call
 * (a double click, a network retry, a redelivered event, two instances racing) can never move money
 * twice: Stripe answers a repeated key with the first answer.
 */
public final class IdempotencyKeys {

  private IdempotencyKeys() {
  }

  /** The order's one PaymentIntent: creating it again answers the same intent. */
  public static String intent(String orderId) {
    return "intent-" + orderId;
  }

  /**
   * One key per confirmation attempt, numbered by our count of attempts, written down before the
   * attempt starts: a retried request of the same attempt replays it, a new attempt (another card
   * after a decline, or the same card again) gets a fresh key. Two attempts can never both take
   * money, for an intent succeeds once.
   */
  public static String confirm(String orderId, long attempt) {
    return "confirm-" + orderId + "-" + attempt;
  }

  /** An order is refunded at most once, whoever notices first (listener, payer, sweep). */
  public static String refund(String orderId) {
    return "refund-" + orderId;
  }
}
