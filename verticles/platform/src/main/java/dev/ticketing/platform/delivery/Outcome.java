package dev.ticketing.platform.delivery;

/** What a listener did with an event; either way the event is acknowledged. */
public enum Outcome {
  /** The event changed our state. */
  APPLIED,
  /** We already had this event's effect; nothing changed. */
  DUPLICATE
}
