package dev.ticketing.tickets.listeners;

import dev.ticketing.contracts.events.ConsumerGroup;
import dev.ticketing.contracts.events.OrderCancelled;
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
 * order:cancelled: the ticket becomes free again, but only if this order is the one holding it
 * (contract rule 12). Any other holder keeps it: a late or repeated cancellation must never free a
 * ticket that someone else has reserved since.
 */
public final class ReleaseTicketListener extends EventListener<OrderCancelled> {

  private static final Logger log = LoggerFactory.getLogger(ReleaseTicketListener.class);

  private final TicketStore tickets;
  private final OrderVersions orderVersions;

  public ReleaseTicketListener(TicketStore tickets, OrderVersions orderVersions) {
    super(Subject.ORDER_CANCELLED, ConsumerGroup.TICKETS);
    this.tickets = tickets;
    this.orderVersions = orderVersions;
  }

  @Override
  protected Future<Outcome> apply(OrderCancelled order) {
    return orderVersions.applyOnce(order, () -> tickets.modify(order.ticketId(), ticket -> release(ticket, order)));
  }

  /** The released ticket, or null when this order does not hold it (never did, or released already). */
  private static Ticket release(Ticket ticket, OrderCancelled order) {
    if (ticket == null) {
      throw new OutOfOrder("order " + order.id() + " is for ticket " + order.ticketId() + ", which we do not have");
    }
    if (!order.id().equals(ticket.orderId()) || ticket.sold()) {
      log.info("ticket {} not released for cancelled order {}: it is held by {}{}", ticket.id(), order.id(),
          ticket.orderId(), ticket.sold() ? " and sold" : "");
      return null;
    }
    log.info("ticket {} released by cancelled order {}", ticket.id(), order.id());
    return ticket.released();
  }
}
