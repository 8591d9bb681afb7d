package dev.ticketing.tickets.listeners;

import dev.ticketing.contracts.events.ConsumerGroup;
import dev.ticketing.contracts.events.OrderCompleted;
import dev.ticketing.contracts.events.Subject;
import dev.ticketing.platform.delivery.EventListener;
import dev.ticketing.platform.delivery.OutOfOrder;
import dev.ticketing.platform.delivery.Outcome;
import dev.ticketing.tickets.domain.Ticket;
import dev.ticketing.tickets.store.OrderVersions;
import dev.ticketing.tickets.store.TicketStore;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * order:completed: the order that holds the ticket was paid, so the ticket is sold for good. It keeps
 * its {@code orderId}, leaves the listing and can no longer be edited.
 */
public final class SellTicketListener extends EventListener<OrderCompleted> {

  private static final Logger log = LoggerFactory.getLogger(SellTicketListener.class);

  private final TicketStore tickets;
  private final OrderVersions orderVersions;

  public SellTicketListener(TicketStore tickets, OrderVersions orderVersions) {
    super(Subject.ORDER_COMPLETED, ConsumerGroup.TICKETS);
    this.tickets = tickets;
    this.orderVersions = orderVersions;
  }

  @Override
  protected Future<Outcome> apply(OrderCompleted order) {
    return orderVersions.applyOnce(order, () -> tickets.modify(order.ticketId(), ticket -> sell(ticket, order)));
  }

  /** The sold ticket, or null when it is sold already or (which the orders service rules out) held by another order. */
  private static Ticket sell(Ticket ticket, OrderCompleted order) {
    if (ticket == null) {
      throw new OutOfOrder("order " + order.id() + " is for ticket " + order.ticketId() + ", which we do not have");
    }
    if (!order.id().equals(ticket.orderId())) {
      log.warn("ticket {} not marked sold for completed order {}: it is held by {}", ticket.id(), order.id(), ticket.orderId());
      return null;
    }
    if (ticket.sold()) {
      return null;
    }
    log.info("ticket {} sold through order {}", ticket.id(), order.id());
    return ticket.markedSold();
  }
}
