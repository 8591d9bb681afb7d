package dev.ticketing.payments.support;

import dev.ticketing.contracts.errors.ApiException;
import dev.ticketing.payments.domain.CardToken;
import dev.ticketing.payments.stripe.IntentRequest;
import dev.ticketing.payments.stripe.IntentState;
import dev.ticketing.payments.stripe.PaymentProvider;
import io.vertx.core.Future;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The real provider, observed: records every call that reached it, can run a step between a
 * confirmation succeeding and the handler seeing it (to place a crash or a race exactly there), and
 * can fail refunds as an outage would.
 */
public final class RecordingProvider implements PaymentProvider {

  public final List<IntentRequest> intents = new CopyOnWriteArrayList<>();
  /** The idempotency keys of every confirmation, in order. */
  public final List<String> confirmations = new CopyOnWriteArrayList<>();
  public final List<String> refunds = new CopyOnWriteArrayList<>();
  public final AtomicInteger refundOutages = new AtomicInteger();
  private final PaymentProvider real;
  private volatile Function<IntentState, Future<IntentState>> afterConfirm = Future::succeededFuture;

  public RecordingProvider(PaymentProvider real) {
    this.real = real;
  }

  /** Runs {@code step} after each confirmation Stripe answered, before the handler sees the answer. */
  public void afterConfirm(Function<IntentState, Future<IntentState>> step) {
    this.afterConfirm = step;
  }

  @Override
  public Future<String> createIntent(IntentRequest request) {
    intents.add(request);
    return real.createIntent(request);
  }

  @Override
  public Future<IntentState> confirm(String intentId, CardToken card, String idempotencyKey) {
    confirmations.add(idempotencyKey);
    return real.confirm(intentId, card, idempotencyKey).compose(state -> afterConfirm.apply(state));
  }

  @Override
  public Future<IntentState> retrieve(String intentId) {
    return real.retrieve(intentId);
  }

  @Override
  public Future<String> refund(String intentId, String idempotencyKey) {
    refunds.add(intentId);
    if (refundOutages.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
      return Future.failedFuture(new ApiException(503, "Payments are temporarily unavailable"));
    }
    return real.refund(intentId, idempotencyKey);
  }
}
