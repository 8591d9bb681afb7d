package dev.ticketing.orders.listeners;

import dev.ticketing.contracts.events.ConsumerGroup;
import dev.ticketing.contracts.events.Subject;
import dev.ticketing.contracts.events.TicketCreated;
import dev.ticketing.orders.store.TicketReplicaStore;
import dev.ticketing.platform.delivery.EventListener;
import dev.ticketing.platform.delivery.Outcome;
import io.vertx.core.Future;

/** A new ticket becomes orderable: version 0 of the replica. */
public final class TicketCreatedListener extends EventListener<TicketCreated> {

  private final TicketReplicaStore tickets;

  public TicketCreatedListener(TicketReplicaStore tickets) {
    super(Subject.TICKET_CREATED, ConsumerGroup.ORDERS);
    this.tickets = tickets;
  }

  @Override
  protected Future<Outcome> apply(TicketCreated event) {
    return tickets.apply(event);
  }
}
