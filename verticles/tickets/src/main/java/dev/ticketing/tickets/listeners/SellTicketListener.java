package dev.ticketing.tickets.listeners;

import dev.ticketing.contracts.events.ConsumerGroup;
import dev.ticketing.contracts.events.OrderCompleted;
import dev.ticketing.contracts.events.Subject;
import dev.ticketing.platform.delivery.EventListener;
import dev.ticketing.platform.delivery.Outcome;
import dev.ticketing.tickets.domain.OrderEffects;
import dev.ticketing.tickets.store.TicketStore;
import io.vertx.core.Future;

/**
 * order:completed: the order that holds the ticket was paid, so the ticket is sold for good. It keeps
 * its {@code orderId}, leaves the listing and can no longer be edited.
 */
public final class SellTicketListener extends EventListener<OrderCompleted> {

  private final TicketStore tickets;

  public SellTicketListener(TicketStore tickets) {
    super(Subject.ORDER_COMPLETED, ConsumerGroup.TICKETS);
    this.tickets = tickets;
  }

  @Override
  protected Future<Outcome> apply(OrderCompleted order) {
    return OrderEventEffect.apply(tickets, order.ticketId(), ticket -> OrderEffects.completed(ticket, order), order.id());
  }
}
