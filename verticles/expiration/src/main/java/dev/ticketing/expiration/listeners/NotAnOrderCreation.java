package dev.ticketing.expiration.listeners;

/**
 * An order:created event whose version is not 0. Creation is always an order's first version
 * (every document's version starts at 0), so this is a producer's bug, not a gap to wait out.
 */
public final class NotAnOrderCreation extends RuntimeException {

  public NotAnOrderCreation(String message) {
    super(message, null, false, false);
  }
}
