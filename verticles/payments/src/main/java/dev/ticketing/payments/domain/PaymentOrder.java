package dev.ticketing.payments.domain;

import java.time.Instant;

/**
 * Our replica of an order (fed by order events, or seeded from the orders service's payment lease)
 * plus what only we know about it: its PaymentIntent, the confirmation attempts and declines, its
 * payment and its refund.
 *
 * @param version  the orders service's version of the order, as last applied here
 * @param price    what the buyer owes, in minor units: the amount charged comes from the orders
 *                 service, never from a client
 * @param attempts confirmation attempts started so far; numbers the next one's idempotency key
 * @param declines attempts the card issuer declined
 * @param intentId the order's PaymentIntent, once created
 * @param attemptOpen true while an attempt is started and its outcome not recorded
 * @param payment  null until paid
 * @param refund   null unless the payment was refunded
 */
public record PaymentOrder(String id, long version, String status, String userId, long price, Instant expiresAt,
                           long attempts, int declines, String intentId, boolean attemptOpen, Payment payment,
                           Refund refund) {

  public static final String CREATED = "created";
  public static final String CANCELLED = "cancelled";
  public static final String COMPLETE = "complete";

  public boolean cancelled() {
    return CANCELLED.equals(status);
  }

  public boolean paid() {
    return payment != null;
  }

  /** Money taken for an order that is (now) cancelled goes back. */
  public boolean owesRefund() {
    return cancelled() && payment != null && refund == null;
  }
}
