package dev.ticketing.payments.refunds;

import dev.ticketing.payments.domain.IdempotencyKeys;
import dev.ticketing.payments.domain.PaymentOrder;
import dev.ticketing.payments.domain.Refund;
import dev.ticketing.payments.gateway.AlreadyRefunded;
import dev.ticketing.payments.gateway.PaymentGateway;
import dev.ticketing.payments.store.OrderStore;
import io.vertx.core.Future;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rule 11: a payment for a cancelled order goes back. Three paths notice such an order (the
 * cancellation listener, the payment that lost the race, the sweep) and all come here; they share
 * one idempotency key per order, so however many of them act at once, Stripe refunds once.
 */
public final class Refunds {

  private static final Logger log = LoggerFactory.getLogger(Refunds.class);

  private final OrderStore orders;
  private final PaymentGateway gateway;
  private final Clock clock;

  public Refunds(OrderStore orders, PaymentGateway gateway, Clock clock) {
    this.orders = orders;
    this.gateway = gateway;
    this.clock = clock;
  }

  public Future<Void> refundIfOwed(String orderId) {
    return orders.find(orderId).compose(order -> order == null ? Future.succeededFuture() : refundIfOwed(order));
  }

  /** Refunds and records it when the order owes one; succeeds at once when it does not. */
  public Future<Void> refundIfOwed(PaymentOrder order) {
    if (!order.owesRefund()) {
      return Future.succeededFuture();
    }
    String stripeId = order.payment().stripeId();
    return gateway.refund(stripeId, IdempotencyKeys.refund(order.id()))
        .recover(failure -> failure instanceof AlreadyRefunded
            ? Future.succeededFuture(null) // refunded by an attempt whose answer we lost; Stripe no longer says which
            : Future.failedFuture(failure))
        .compose(refundId -> orders.recordRefund(order.id(), new Refund(refundId, clock.instant())))
        .onSuccess(recorded -> log.info("Order {} cancelled after payment {}: refunded {}", order.id(), stripeId,
            recorded ? "now" : "already"))
        .onFailure(failure -> log.warn("Refund of order {} (payment {}) failed, will be retried: {}", order.id(), stripeId,
            failure.getMessage()))
        .mapEmpty();
  }
}
