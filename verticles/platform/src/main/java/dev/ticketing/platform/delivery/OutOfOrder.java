package dev.ticketing.platform.delivery;

/**
 * The event depends on one we have not applied yet. The listener refuses it, so the producer's
 * relay sends it again later, by which time its predecessor has normally arrived.
 */
public final class OutOfOrder extends RuntimeException {

  public OutOfOrder(String message) {
    super(message, null, false, false);
  }
}
