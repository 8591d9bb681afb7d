package dev.ticketing.orders.domain;

/**
 * A ticket as the orders side knows it, from the tickets service's events (or as copied into an
 * order when it was reserved). {@code price} is in cents; {@code userId} is the seller.
 */
public record Ticket(String id, String title, long price, String userId, long version) {
}
