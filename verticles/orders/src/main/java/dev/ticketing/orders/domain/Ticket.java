package dev.ticketing.orders.domain;

/**
 * A ticket as the orders side knows it, from the tickets service's events (or as copied into an
 * order when it was reserved). {@code price} is in cents; {@code userId} is the seller;
 * {@code orderId} the order the tickets service shows holding it (null when free).
 */
public record Ticket(String id, String title, long price, String userId, long version, String orderId) {

  public Ticket(String id, String title, long price, String userId, long version) {
    this(id, title, price, userId, version, null);
  }

  /** The tickets service has applied this order's reservation. */
  public boolean shownHeldBy(String order) {
    return order.equals(orderId);
  }
}
