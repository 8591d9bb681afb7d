package dev.ticketing.platform.delivery;

/** What a listener did with an event; in every case the event is acknowledged. */
public enum Outcome {
  /** The event changed our state. */
  APPLIED,
  /** We already had this event's effect; nothing changed. */
  DUPLICATE,
  /**
   * The event came too late to have its effect: our state had moved on for good (a payment for
   * an order that was cancelled meanwhile, say). Nothing changed; the producer may need to undo
   * what it did, and the reply says so.
   */
  OBSOLETE
}
