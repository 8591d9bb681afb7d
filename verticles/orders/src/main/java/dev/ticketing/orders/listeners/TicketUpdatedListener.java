package dev.ticketing.orders.listeners;

import dev.ticketing.contracts.events.ConsumerGroup;
import dev.ticketing.contracts.events.Subject;
import dev.ticketing.contracts.events.TicketUpdated;
import dev.ticketing.orders.store.TicketReplicaStore;
import dev.ticketing.platform.delivery.EventListener;
import dev.ticketing.platform.delivery.Outcome;
import io.vertx.core.Future;

/**
 * A ticket changed (edited, reserved or released): the replica moves to the event's version, only
 * on top of its predecessor. Orders then show the new title and price.
 */
public final class TicketUpdatedListener extends EventListener<TicketUpdated> {

  private final TicketReplicaStore tickets;

  public TicketUpdatedListener(TicketReplicaStore tickets) {
    super(Subject.TICKET_UPDATED, ConsumerGroup.ORDERS);
    this.tickets = tickets;
  }

  @Override
  protected Future<Outcome> apply(TicketUpdated event) {
    return tickets.apply(event);
  }
}
