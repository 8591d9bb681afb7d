package dev.ticketing.tickets.listeners;

import dev.ticketing.contracts.events.ConsumerGroup;
import dev.ticketing.contracts.events.OrderCancelled;
import dev.ticketing.contracts.events.Subject;
import dev.ticketing.platform.delivery.EventListener;
import dev.ticketing.platform.delivery.Outcome;
import dev.ticketing.tickets.domain.OrderEffects;
import dev.ticketing.tickets.store.TicketStore;
import io.vertx.core.Future;

/**
 * order:cancelled: the ticket becomes free again, but only if this order is the one holding it. Any
 * other holder keeps it: a late or repeated cancellation must never free a ticket that someone else
 * has reserved since.
 */
public final class ReleaseTicketListener extends EventListener<OrderCancelled> {

  private final TicketStore tickets;

  public ReleaseTicketListener(TicketStore tickets) {
    super(Subject.ORDER_CANCELLED, ConsumerGroup.TICKETS);
    this.tickets = tickets;
  }

  @Override
  protected Future<Outcome> apply(OrderCancelled order) {
    return OrderEventEffect.apply(tickets, order.ticketId(), ticket -> OrderEffects.cancelled(ticket, order), order.id());
  }
}
