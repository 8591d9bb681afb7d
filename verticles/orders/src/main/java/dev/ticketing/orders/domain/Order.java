package dev.ticketing.orders.domain;

import dev.ticketing.contracts.errors.BadRequest;
import dev.ticketing.contracts.errors.Forbidden;
import java.time.Instant;

/**
 * An order as stored. {@code ticket} is the ticket as it was when the order was placed; replies
 * show the ticket's current title and price instead when the replica has them (an edit shows on
 * the order). {@code leaseUntil} is set while a payment is in progress (see {@link #leaseLive}).
 */
public record Order(String id, OrderStatus status, String userId, Instant expiresAt, long version, OrderedTicket ticket,
                    Instant leaseUntil) {

  public Order(String id, OrderStatus status, String userId, Instant expiresAt, long version, OrderedTicket ticket) {
    this(id, status, userId, expiresAt, version, ticket, null);
  }

  public boolean ownedBy(String user) {
    return userId.equals(user);
  }

  /** A payment lease that has not run out: expiry waits for it. */
  public boolean leaseLive(Instant now) {
    return leaseUntil != null && now.isBefore(leaseUntil);
  }

  /**
   * Fails with the reason {@code user} may not start paying this order at {@code now}: only its
   * buyer, only while it is unpaid, and only before it expires (a payment already under way may
   * finish after that, which is what the lease is for).
   */
  public void requirePayableBy(String user, Instant now) {
    if (!ownedBy(user)) {
      throw new Forbidden("You do not own this order");
    }
    switch (status) {
      case CANCELLED -> throw new BadRequest("Cannot pay for a cancelled order");
      case COMPLETE -> throw new BadRequest("Order has already been paid");
      default -> {
      }
    }
    if (!now.isBefore(expiresAt)) {
      throw new BadRequest("Order has expired");
    }
  }
}
