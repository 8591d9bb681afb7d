package dev.ticketing.tickets.listeners;

import dev.ticketing.contracts.events.ConsumerGroup;
import dev.ticketing.contracts.events.OrderCreated;
import dev.ticketing.contracts.events.Subject;
import dev.ticketing.platform.delivery.EventListener;
import dev.ticketing.platform.delivery.Outcome;
import dev.ticketing.tickets.domain.OrderEffects;
import dev.ticketing.tickets.store.TicketStore;
import io.vertx.core.Future;

/**
 * order:created: the new order holds its ticket, which shows it ({@code orderId}, version + 1), or
 * is refused because the seller edited the ticket after the order was priced (see {@link OrderEffects}).
 */
public final class ReserveTicketListener extends EventListener<OrderCreated> {

  private final TicketStore tickets;

  public ReserveTicketListener(TicketStore tickets) {
    super(Subject.ORDER_CREATED, ConsumerGroup.TICKETS);
    this.tickets = tickets;
  }

  @Override
  protected Future<Outcome> apply(OrderCreated order) {
    return OrderEventEffect.apply(tickets, order.ticketId(), ticket -> OrderEffects.created(ticket, order), order.id());
  }
}
