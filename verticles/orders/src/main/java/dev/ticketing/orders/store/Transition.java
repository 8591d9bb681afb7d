package dev.ticketing.orders.store;

/** What an attempt to move an order out of {@code created} found. */
public enum Transition {
  /** The order moved, and its event is in the outbox. */
  DONE,
  /** The order was cancelled already (by this request earlier, by its buyer, or by expiry). */
  ALREADY_CANCELLED,
  /** The order was paid already. */
  ALREADY_COMPLETE,
  /** There is no such order. */
  MISSING
}
