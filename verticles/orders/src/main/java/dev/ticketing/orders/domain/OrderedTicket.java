package dev.ticketing.orders.domain;

/** The ticket an order holds, as copied into the order when it was placed. {@code price} is in cents. */
public record OrderedTicket(String id, String title, long price, long version) {

  public static OrderedTicket of(Ticket ticket) {
    return new OrderedTicket(ticket.id(), ticket.title(), ticket.price(), ticket.version());
  }

  /**
   * What to show for this ticket now: the replica's current title, price and version when we have
   * them (an edit after the order was placed shows on the order), else the stored copy.
   */
  public OrderedTicket current(Ticket replica) {
    return replica == null || !replica.id().equals(id) ? this
        : new OrderedTicket(id, replica.title(), replica.price(), replica.version());
  }
}
