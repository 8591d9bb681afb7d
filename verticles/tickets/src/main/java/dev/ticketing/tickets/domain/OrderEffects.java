package dev.ticketing.tickets.domain;

import dev.ticketing.contracts.events.OrderCancelled;
import dev.ticketing.contracts.events.OrderCompleted;
import dev.ticketing.contracts.events.OrderCreated;
import dev.ticketing.platform.delivery.OutOfOrder;
import dev.ticketing.platform.delivery.Outcome;

/**
 * What an order's event does to its ticket. The orders service decides who holds a ticket; these
 * rules only make the ticket show it, once per event, whatever order and however often events
 * arrive. Pure: the store runs the chosen change as one conditional write.
 */
public final class OrderEffects {

  /** The outcome to acknowledge with, and the change to write (null: nothing to write). */
  public record Effect(Outcome outcome, Change change) {

    static Effect none(Outcome outcome) {
      return new Effect(outcome, null);
    }
  }

  private OrderEffects() {
  }

  /**
   * order:created reserves the ticket. A ticket we do not have yet, or one still held by another
   * order (whose cancellation is on its way), makes the event wait. A ticket edited after the
   * order's price was read is refused, and the orders service hears why.
   */
  public static Effect created(Ticket ticket, OrderCreated order) {
    if (ticket == null) {
      throw new OutOfOrder("order " + order.id() + " is for ticket " + order.ticketId() + ", which we do not have");
    }
    if (ticket.mark(order.id()).isPresent()) {
      return Effect.none(Outcome.DUPLICATE); // this order was reserved (or refused) here already, maybe cancelled since
    }
    if (ticket.orderId() != null) {
      throw new OutOfOrder("ticket " + ticket.id() + " is still held by order " + ticket.orderId()
          + "; order " + order.id() + " waits for its cancellation");
    }
    if (order.ticketVersion() != OrderCreated.UNKNOWN_TICKET_VERSION && ticket.editedVersion() > order.ticketVersion()) {
      return new Effect(Outcome.OBSOLETE, ticket.refused(order));
    }
    return new Effect(Outcome.APPLIED, ticket.reservedBy(order));
  }

  /**
   * order:cancelled frees the ticket, but only for the order that holds it (never another holder's).
   * A cancellation of an order the ticket has not heard of (its creation was set aside, say) is
   * remembered, so that creation cannot reserve the ticket if it comes later.
   */
  public static Effect cancelled(Ticket ticket, OrderCancelled order) {
    if (ticket == null) {
      throw new OutOfOrder("order " + order.id() + " is for ticket " + order.ticketId() + ", which we do not have");
    }
    if (order.id().equals(ticket.orderId()) && !ticket.sold()) {
      return new Effect(Outcome.APPLIED, ticket.released(order));
    }
    if (ticket.mark(order.id()).isEmpty()) {
      return new Effect(Outcome.DUPLICATE, ticket.remembered(order.id(), order.version()));
    }
    return Effect.none(Outcome.DUPLICATE); // released already, refused, or sold: nothing to free
  }

  /**
   * order:completed sells the ticket for good. The orders service holds the ticket for a complete
   * order, so a free ticket is taken by it (its reservation was lost); one held by another order
   * is a contradiction, reported by the caller, and left as it is.
   */
  public static Effect completed(Ticket ticket, OrderCompleted order) {
    if (ticket == null) {
      throw new OutOfOrder("order " + order.id() + " is for ticket " + order.ticketId() + ", which we do not have");
    }
    if (ticket.sold() && order.id().equals(ticket.orderId())) {
      return Effect.none(Outcome.DUPLICATE);
    }
    if (ticket.orderId() != null && !order.id().equals(ticket.orderId()) || ticket.sold()) {
      return Effect.none(Outcome.OBSOLETE);
    }
    return new Effect(Outcome.APPLIED, ticket.soldTo(order));
  }
}
