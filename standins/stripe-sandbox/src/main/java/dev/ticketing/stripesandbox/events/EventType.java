package dev.ticketing.stripesandbox.events;

/**
 * The event types the sandbox emits, with Stripe's names. Real Stripe emits many more (for example
 * payment_intent.created, charge.succeeded); these are the ones the Ticketing services act on.
 */
public enum EventType {
  PAYMENT_INTENT_SUCCEEDED("payment_intent.succeeded"),
  PAYMENT_INTENT_PAYMENT_FAILED("payment_intent.payment_failed"),
  PAYMENT_INTENT_CANCELED("payment_intent.canceled"),
  CHARGE_REFUNDED("charge.refunded");

  private final String wire;

  EventType(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }
}
