package dev.ticketing.tickets.live;

import dev.ticketing.contracts.live.LiveTicketChange;
import dev.ticketing.tickets.domain.Ticket;
import io.vertx.core.Vertx;

/**
 * Tells every gateway that a ticket changed, right after the change was written, for browsers
 * that watch the listing. A publish, not an event: no outbox, no retry, nothing stored; browsers
 * catch up by asking again from the last change they saw, and by reloading.
 */
public final class TicketFeed {

  private final Vertx vertx;

  public TicketFeed(Vertx vertx) {
    this.vertx = vertx;
  }

  public void changed(Ticket ticket) {
    vertx.eventBus().publish(LiveTicketChange.ADDRESS,
        new LiveTicketChange(System.currentTimeMillis(), ticket.toJson()).toJson());
  }
}
