package dev.ticketing.payments.support;

import dev.ticketing.contracts.errors.ApiException;
import dev.ticketing.payments.gateway.Charge;
import dev.ticketing.payments.gateway.PaymentGateway;
import dev.ticketing.payments.gateway.PaymentRequest;
import io.vertx.core.Future;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The real gateway, observed: records every call that reached it, can run a step between a charge
 * succeeding and the handler seeing it (to place a race exactly there), and can fail refunds as an
 * outage would.
 */
public final class RecordingGateway implements PaymentGateway {

  public final List<PaymentRequest> charges = new CopyOnWriteArrayList<>();
  public final List<String> refunds = new CopyOnWriteArrayList<>();
  public final AtomicInteger refundOutages = new AtomicInteger();
  private final PaymentGateway real;
  private volatile Function<Charge, Future<?>> afterCharge = charge -> Future.succeededFuture();

  public RecordingGateway(PaymentGateway real) {
    this.real = real;
  }

  /** Runs {@code step} after each successful charge, before the handler continues. */
  public void afterCharge(Function<Charge, Future<?>> step) {
    this.afterCharge = step;
  }

  @Override
  public Future<Charge> charge(PaymentRequest request) {
    charges.add(request);
    return real.charge(request).compose(charge -> afterCharge.apply(charge).map(charge));
  }

  @Override
  public Future<String> refund(String stripeId, String idempotencyKey) {
    refunds.add(stripeId);
    if (refundOutages.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
      return Future.failedFuture(new ApiException(503, "Payments are temporarily unavailable"));
    }
    return real.refund(stripeId, idempotencyKey);
  }
}
