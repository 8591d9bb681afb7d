package dev.ticketing.payments.gateway;

import io.vertx.core.Future;

/**
 * Moves money. Implementations never block the event loop, and every call carries the caller's
 * idempotency key, so repeating a call never charges or refunds twice.
 *
 * <p>Failures: {@link CardDeclined} when the card was refused (the order stays payable); a
 * contracts {@code ApiException} for what the client should see (an unusable token, a twin request
 * in flight, the provider unreachable); anything else is a bug on our side.
 */
public interface PaymentGateway {

  /** Charges the card at once; succeeds only when the money was taken. */
  Future<Charge> charge(PaymentRequest request);

  /** Refunds the whole charge {@code stripeId}; the result is the provider's refund id. */
  Future<String> refund(String stripeId, String idempotencyKey);
}
