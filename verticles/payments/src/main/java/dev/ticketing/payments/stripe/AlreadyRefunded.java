package dev.ticketing.payments.stripe;

/**
 * The charge was refunded earlier, by a refund whose answer we never recorded (Stripe forgets
 * idempotency keys after 24 hours, so a late retry meets "already refunded" instead of a replay).
 * The money is back either way.
 */
public final class AlreadyRefunded extends RuntimeException {

  public AlreadyRefunded(String stripeId) {
    super("charge " + stripeId + " was already refunded", null, false, false);
  }
}
