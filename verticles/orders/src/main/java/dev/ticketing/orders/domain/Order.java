package dev.ticketing.orders.domain;

import java.time.Instant;

/**
 * An order as stored. {@code ticket} is the ticket as it was when the order was placed; replies
 * show the ticket's current title and price instead when the replica has them (rule 13).
 */
public record Order(String id, OrderStatus status, String userId, Instant expiresAt, long version, OrderedTicket ticket) {

  public boolean ownedBy(String user) {
    return userId.equals(user);
  }
}
