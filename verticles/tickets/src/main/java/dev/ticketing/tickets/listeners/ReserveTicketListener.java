package dev.ticketing.tickets.listeners;

import dev.ticketing.contracts.events.ConsumerGroup;
import dev.ticketing.contracts.events.OrderCreated;
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
 * order:created: the new order holds its ticket, which shows it ({@code orderId}, version + 1).
 * The orders service already decided that this order won the ticket; if another order still holds
 * it here, that order's cancellation is on its way, so the event is refused until it has arrived.
 */
public final class ReserveTicketListener extends EventListener<OrderCreated> {

  private static final Logger log = LoggerFactory.getLogger(ReserveTicketListener.class);

  private final TicketStore tickets;
  private final OrderVersions orderVersions;

  public ReserveTicketListener(TicketStore tickets, OrderVersions orderVersions) {
    super(Subject.ORDER_CREATED, ConsumerGroup.TICKETS);
    this.tickets = tickets;
    this.orderVersions = orderVersions;
  }

  @Override
  protected Future<Outcome> apply(OrderCreated order) {
    return orderVersions.applyOnce(order, () -> tickets.modify(order.ticketId(), ticket -> reserve(ticket, order))
        .onSuccess(ticket -> log.info("ticket {} reserved by order {} (v{})", ticket.id(), order.id(), ticket.version())));
  }

  /** The reserved ticket, or null when this order holds it already (a redelivery after a crash). */
  private static Ticket reserve(Ticket ticket, OrderCreated order) {
    if (ticket == null) {
      throw new OutOfOrder("order " + order.id() + " is for ticket " + order.ticketId() + ", which we do not have");
    }
    if (order.id().equals(ticket.orderId())) {
      return null;
    }
    if (ticket.orderId() != null) {
      throw new OutOfOrder("ticket " + ticket.id() + " is still held by order " + ticket.orderId()
          + "; order " + order.id() + " waits for its cancellation");
    }
    return ticket.reservedBy(order.id());
  }
}
