package dev.ticketing.orders.listeners;

import dev.ticketing.orders.store.Transition;
import dev.ticketing.platform.delivery.OutOfOrder;
import dev.ticketing.platform.delivery.Outcome;

/** How a listener acknowledges the transition its event asked for. */
final class Transitions {

  private Transitions() {
  }

  /** Cancelling (for expiry, a refusal): done is applied, an order that already ended is a duplicate. */
  static Outcome outcome(Transition transition) {
    return switch (transition) {
      case DONE -> Outcome.APPLIED;
      case ALREADY_CANCELLED, ALREADY_COMPLETE -> Outcome.DUPLICATE;
      case MISSING -> throw new OutOfOrder("the order vanished");
    };
  }
}
