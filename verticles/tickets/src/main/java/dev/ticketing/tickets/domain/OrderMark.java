package dev.ticketing.tickets.domain;

/**
 * An order this ticket has heard of and the last of its versions applied here. A ticket keeps the
 * marks of its most recent orders, so a late copy of an order's event (a redelivery that overtook
 * nothing, but arrived after the order was cancelled) is recognised and cannot act again.
 *
 * @param refused true when the reservation was refused (the ticket had been edited since it was priced)
 */
public record OrderMark(String orderId, long version, boolean refused) {

  public OrderMark at(long newVersion) {
    return new OrderMark(orderId, newVersion, refused);
  }
}
