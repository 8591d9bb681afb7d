package dev.ticketing.payments.reconcile;

import dev.ticketing.payments.domain.PaymentOrder;
import dev.ticketing.payments.settle.PaymentOutcomes;
import dev.ticketing.payments.settle.Refunds;
import dev.ticketing.payments.settle.Settlement;
import dev.ticketing.payments.store.OrderStore;
import dev.ticketing.payments.stripe.IntentState;
import dev.ticketing.payments.stripe.PaymentProvider;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two safety nets of payments, each a sweep over its own due index:
 * <ul>
 *   <li><b>attempts</b>: a confirmation whose outcome nobody recorded (the JVM died mid-charge, Stripe
 *       did not answer in time) is looked up at Stripe once it is due: a success is recorded (the
 *       order then completes, or is refunded if it was cancelled meanwhile), an intent that took
 *       nothing closes the attempt, anything still under way is looked at again later;</li>
 *   <li><b>refunds</b>: a cancelled order that still holds money (a refund that failed) is refunded.</li>
 * </ul>
 */
public final class Reconciliation {

  private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);
  private static final long CLAIM_MILLIS = 60_000;

  private final OrderStore orders;
  private final PaymentProvider provider;
  private final Settlement settlement;
  private final Refunds refunds;
  private final DueSweep attempts;
  private final DueSweep owedRefunds;
  private final long reconcileAfterMillis;

  public Reconciliation(Vertx vertx, OrderStore orders, PaymentProvider provider, Settlement settlement, Refunds refunds,
                        long periodMillis, long reconcileAfterMillis) {
    this.orders = orders;
    this.provider = provider;
    this.settlement = settlement;
    this.refunds = refunds;
    this.reconcileAfterMillis = reconcileAfterMillis;
    this.attempts = new DueSweep(vertx, orders.openAttempts(), "payment reconciler", periodMillis, CLAIM_MILLIS, this::reconcile);
    this.owedRefunds = new DueSweep(vertx, orders.owedRefunds(), "refund sweep", periodMillis, CLAIM_MILLIS, this::refund);
  }

  public void start() {
    attempts.start();
    owedRefunds.start();
  }

  public void stop() {
    attempts.stop();
    owedRefunds.stop();
  }

  /** One pass of both, for operators and tests. */
  public Future<Void> sweep() {
    return attempts.sweep().compose(done -> owedRefunds.sweep()).mapEmpty();
  }

  private Future<?> reconcile(String orderId) {
    return orders.find(orderId).<Object>compose(order -> {
      if (order == null) {
        return Future.succeededFuture();
      }
      if (order.paid() || order.intentId() == null) {
        return orders.closeAttempt(orderId).map(closed -> closed);
      }
      return provider.retrieve(order.intentId()).compose(state -> settle(order, state)).map(settled -> settled);
    }).onFailure(failure -> log.warn("order {}: open attempt not reconciled yet: {}", orderId, failure.getMessage()));
  }

  private Future<?> settle(PaymentOrder order, IntentState state) {
    if (state.succeeded()) {
      log.warn("order {}: intent {} succeeded but nobody recorded it; recording it now", order.id(), state.id());
      return settlement.succeeded(order, state.id()).onSuccess(recorded -> PaymentOutcomes.RECONCILED_PAID.count());
    }
    if (state.settledUnpaid()) {
      log.info("order {}: intent {} took nothing ({}); attempt closed", order.id(), state.id(), state.status());
      return orders.closeAttempt(order.id()).onSuccess(closed -> PaymentOutcomes.RECONCILED_CLOSED.count());
    }
    log.info("order {}: intent {} is still {}; looking again later", order.id(), state.id(), state.status());
    return orders.openAttempts().postpone(order.id(), System.currentTimeMillis() + reconcileAfterMillis);
  }

  private Future<?> refund(String orderId) {
    return orders.find(orderId).compose(order -> order == null ? Future.succeededFuture() : refunds.refund(order));
  }
}
