package dev.ticketing.payments.stripe;

/**
 * What Stripe says of a PaymentIntent now.
 *
 * @param status  Stripe's status: succeeded, requires_payment_method (new or declined),
 *                requires_confirmation, requires_action, processing, canceled
 * @param orderId the order named in the intent's metadata (null when absent)
 */
public record IntentState(String id, String status, String orderId) {

  public static final String SUCCEEDED = "succeeded";

  /** The money was taken. */
  public boolean succeeded() {
    return SUCCEEDED.equals(status);
  }

  /** Nothing was taken and nothing is under way: the last attempt was declined, never made, or the intent was canceled. */
  public boolean settledUnpaid() {
    return "requires_payment_method".equals(status) || "canceled".equals(status);
  }
}
