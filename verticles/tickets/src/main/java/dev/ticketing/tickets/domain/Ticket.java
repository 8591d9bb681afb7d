package dev.ticketing.tickets.domain;

import dev.ticketing.contracts.events.OrderCancelled;
import dev.ticketing.contracts.events.OrderCompleted;
import dev.ticketing.contracts.events.OrderCreated;
import dev.ticketing.contracts.events.ReservationRefused;
import dev.ticketing.contracts.events.TicketCreated;
import dev.ticketing.contracts.events.TicketUpdated;
import dev.ticketing.tickets.catalog.TicketView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A listed ticket at one version. {@code price} is in cents; {@code orderId} names the order that
 * holds it (null when free); {@code sold} becomes true when that order completes, and the order
 * stays recorded. {@code editedVersion} is the version of the seller's last edit (0 when never
 * edited): an order priced from an older version is refused. {@code recentOrders} marks the most recent
 * orders that touched the ticket (see {@link OrderMark}). Each transition returns the next state
 * with its events; pure, no I/O.
 */
public record Ticket(String id, String title, long price, String userId, long version, String orderId, boolean sold,
                     long editedVersion, List<OrderMark> recentOrders) {

  /** Marks kept per ticket: a late event of an order older than this many later orders is not recognised. */
  static final int MARKS_KEPT = 8;

  public Ticket {
    recentOrders = List.copyOf(recentOrders);
  }

  public static Change listed(String id, String userId, TicketDraft draft) {
    Ticket ticket = new Ticket(id, draft.title(), draft.price(), userId, 0, null, false, 0, List.of());
    return new Change(ticket, List.of(new TicketCreated(id, 0, ticket.title, ticket.price, userId)), true);
  }

  /** Only a free ticket may be edited by its seller. */
  public boolean isEditable() {
    return orderId == null && !sold;
  }

  public Optional<OrderMark> mark(String order) {
    return recentOrders.stream().filter(mark -> mark.orderId().equals(order)).findFirst();
  }

  public Change edited(TicketDraft draft) {
    return visibly(new Ticket(id, draft.title(), draft.price(), userId, version + 1, orderId, sold, version + 1, recentOrders));
  }

  public Change reservedBy(OrderCreated order) {
    return visibly(new Ticket(id, title, price, userId, version + 1, order.id(), sold, editedVersion,
        marked(new OrderMark(order.id(), order.version(), false))));
  }

  /** The seller edited the ticket after the order was priced: not reserved, and the order is told why. */
  public Change refused(OrderCreated order) {
    Ticket next = new Ticket(id, title, price, userId, version, orderId, sold, editedVersion,
        marked(new OrderMark(order.id(), order.version(), true)));
    return new Change(next, List.of(new ReservationRefused(order.id(), id, order.ticketVersion(), version)), false);
  }

  /** Notes an order's version without changing what anyone sees of the ticket. */
  public Change remembered(String order, long orderVersion) {
    Ticket next = new Ticket(id, title, price, userId, version, orderId, sold, editedVersion,
        marked(new OrderMark(order, orderVersion, false)));
    return new Change(next, List.of(), false);
  }

  public Change released(OrderCancelled order) {
    return visibly(new Ticket(id, title, price, userId, version + 1, null, sold, editedVersion,
        marked(mark(order.id()).map(mark -> mark.at(order.version())).orElse(new OrderMark(order.id(), order.version(), false)))));
  }

  public Change soldTo(OrderCompleted order) {
    return visibly(new Ticket(id, title, price, userId, version + 1, order.id(), true, editedVersion,
        marked(mark(order.id()).map(mark -> mark.at(order.version())).orElse(new OrderMark(order.id(), order.version(), false)))));
  }

  public TicketUpdated updatedEvent() {
    return new TicketUpdated(id, version, title, price, userId, orderId, sold);
  }

  /** What anyone sees of the ticket. */
  public TicketView view() {
    return new TicketView(id, title, price, userId, version, orderId, sold);
  }

  private static Change visibly(Ticket next) {
    return new Change(next, List.of(next.updatedEvent()), true);
  }

  /** The marks with {@code latest} replacing any earlier mark of its order, most recent last, capped. */
  private List<OrderMark> marked(OrderMark latest) {
    List<OrderMark> marks = new ArrayList<>(recentOrders.stream().filter(mark -> !mark.orderId().equals(latest.orderId())).toList());
    marks.add(latest);
    return marks.subList(Math.max(0, marks.size() - MARKS_KEPT), marks.size());
  }
}
