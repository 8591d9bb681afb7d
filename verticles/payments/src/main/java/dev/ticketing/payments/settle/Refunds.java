package dev.ticketing.payments.settle;

import dev.ticketing.payments.domain.IdempotencyKeys;
import dev.ticketing.payments.domain.PaymentOrder;
import dev.ticketing.payments.domain.Refund;
import dev.ticketing.payments.store.OrderStore;
import dev.ticketing.payments.stripe.AlreadyRefunded;
import dev.ticketing.payments.stripe.PaymentProvider;
import io.vertx.core.Future;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Money taken for an order that ends cancelled goes back. Several paths notice such an order (the
 * cancellation listener, the payment that lost the race, the orders service answering "cancelled",
 * the sweep) and all come here; they share one idempotency key per order, so however many of them
 * act at once, Stripe refunds once. The order is marked as owing its refund before Stripe is asked,
 * so a refund that fails (Stripe down, our JVM killed) is found again by the sweep.
 */
public final class Refunds {

  private static final Logger log = LoggerFactory.getLogger(Refunds.class);

  private final OrderStore orders;
  private final PaymentProvider provider;
  private final Clock clock;

  public Refunds(OrderStore orders, PaymentProvider provider, Clock clock) {
    this.orders = orders;
    this.provider = provider;
    this.clock = clock;
  }

  /** Refunds when our replica shows the order cancelled with money not yet returned. */
  public Future<Void> refundIfOwed(String orderId) {
    return orders.find(orderId).compose(order -> order != null && order.owesRefund() ? refund(order) : Future.succeededFuture());
  }

  /**
   * Refunds the order's payment, whatever our replica says of its status: for callers that know
   * from the orders service itself that the order is cancelled (its news may not have reached us yet).
   */
  public Future<Void> refund(PaymentOrder order) {
    if (order.payment() == null || order.refund() != null) {
      return Future.succeededFuture();
    }
    String stripeId = order.payment().stripeId();
    return orders.owesRefund(order.id())
        .compose(marked -> provider.refund(stripeId, IdempotencyKeys.refund(order.id())))
        .recover(failure -> failure instanceof AlreadyRefunded
            ? Future.succeededFuture("re_unrecorded") // refunded by an attempt whose answer we lost; Stripe no longer says which
            : Future.failedFuture(failure))
        .compose(refundId -> orders.recordRefund(order.id(), new Refund(refundId, clock.instant())))
        .onSuccess(recorded -> {
          log.info("Order {} is cancelled: payment {} refunded", order.id(), stripeId);
          PaymentOutcomes.REFUNDED.count();
        })
        .onFailure(failure -> log.warn("Refund of order {} (payment {}) failed, will be retried: {}", order.id(), stripeId,
            failure.getMessage()));
  }
}
