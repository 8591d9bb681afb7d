package dev.ticketing.stripesandbox.intents;

import dev.ticketing.stripesandbox.cards.PaymentMethod;

/**
 * A PaymentIntent's state. Immutable: each transition returns the next state, and the store keeps
 * the latest one.
 *
 * @param paymentMethod    the method that will be (or was) charged; null when none, including after
 *                         a decline, where Stripe detaches it
 * @param latestCharge     id of the last charge attempt, successful or not
 * @param lastPaymentError the last decline, cleared by a success
 * @param amountRefunded   sum of the refunds made against the successful charge
 * @param chargedAt        when the successful charge was made (its {@code created}); 0 before
 * @param cancellation     when and why it was canceled; null unless status is canceled
 */
public record PaymentIntent(
    String id,
    long created,
    String clientSecret,
    IntentTerms terms,
    IntentStatus status,
    PaymentMethod paymentMethod,
    String latestCharge,
    PaymentFailure lastPaymentError,
    long amountRefunded,
    long chargedAt,
    Cancellation cancellation) {

  /** {@code canceled_at} (epoch seconds) and {@code cancellation_reason} (null when none was given). */
  public record Cancellation(long canceledAt, String reason) {
  }

  public static PaymentIntent created(String id, long created, String clientSecret, IntentTerms terms,
      PaymentMethod paymentMethod) {
    IntentStatus status = paymentMethod == null
        ? IntentStatus.REQUIRES_PAYMENT_METHOD : IntentStatus.REQUIRES_CONFIRMATION;
    return new PaymentIntent(id, created, clientSecret, terms, status, paymentMethod, null, null, 0, 0, null);
  }

  public PaymentIntent withPaymentMethod(PaymentMethod method) {
    return new PaymentIntent(id, created, clientSecret, terms, IntentStatus.REQUIRES_CONFIRMATION, method,
        latestCharge, lastPaymentError, amountRefunded, chargedAt, cancellation);
  }

  public PaymentIntent succeeded(String chargeId, long at) {
    return new PaymentIntent(id, created, clientSecret, terms, IntentStatus.SUCCEEDED, paymentMethod,
        chargeId, null, amountRefunded, at, cancellation);
  }

  public PaymentIntent declined(PaymentFailure failure) {
    return new PaymentIntent(id, created, clientSecret, terms, IntentStatus.REQUIRES_PAYMENT_METHOD, null,
        failure.chargeId(), failure, amountRefunded, chargedAt, cancellation);
  }

  public PaymentIntent refunded(long amount) {
    return new PaymentIntent(id, created, clientSecret, terms, status, paymentMethod, latestCharge,
        lastPaymentError, amountRefunded + amount, chargedAt, cancellation);
  }

  /** Stripe keeps the payment method and the last error of a canceled intent; only the status moves. */
  public PaymentIntent canceled(Cancellation how) {
    return new PaymentIntent(id, created, clientSecret, terms, IntentStatus.CANCELED, paymentMethod, latestCharge,
        lastPaymentError, amountRefunded, chargedAt, how);
  }

  public long amountReceived() {
    return status == IntentStatus.SUCCEEDED ? terms.amount() : 0;
  }

  /** What a refund may still take back; 0 when nothing was received. */
  public long refundable() {
    return amountReceived() - amountRefunded;
  }
}
