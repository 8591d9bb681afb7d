package dev.ticketing.payments.domain;

import dev.ticketing.contracts.errors.BadRequest;
import dev.ticketing.contracts.errors.Forbidden;
import java.time.Instant;

/**
 * Our replica of an order (fed by order events) plus what only we know about it: declined
 * attempts, its payment and its refund.
 *
 * @param version  the orders service's version of the order, as last applied here
 * @param price    what the buyer owes, in minor units: the amount charged comes from here, never from a client
 * @param declines how many payment attempts were declined; numbers the next attempt
 * @param payment  null until paid
 * @param refund   null unless the payment was refunded
 */
public record PaymentOrder(String id, long version, String status, String userId, long price, Instant expiresAt,
                           int declines, Payment payment, Refund refund) {

  public static final String CREATED = "created";
  public static final String CANCELLED = "cancelled";

  public boolean cancelled() {
    return CANCELLED.equals(status);
  }

  /** Rule 11: money taken for an order that is (now) cancelled goes back. */
  public boolean owesRefund() {
    return cancelled() && payment != null && refund == null;
  }

  /** Fails with the reason {@code userId} cannot pay this order at {@code now} (rules 5 and 8). */
  public void requirePayableBy(String userId, Instant now) {
    if (!this.userId.equals(userId)) {
      throw new Forbidden("You do not own this order");
    }
    if (cancelled()) {
      throw new BadRequest("Cannot pay for a cancelled order");
    }
    if (payment != null) {
      throw new BadRequest("Order has already been paid");
    }
    if (!now.isBefore(expiresAt)) {
      throw new BadRequest("Order has expired");
    }
  }
}
