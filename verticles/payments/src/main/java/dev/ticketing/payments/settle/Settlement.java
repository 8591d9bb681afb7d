package dev.ticketing.payments.settle;

import dev.ticketing.payments.domain.Payment;
import dev.ticketing.payments.domain.PaymentOrder;
import dev.ticketing.payments.store.OrderStore;
import io.vertx.core.Future;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records that an order's intent took the money: the buyer's request on success, the reconciler on
 * an attempt nobody finished, and Stripe's webhook all come here, and the payment they record is
 * the same one (its id comes from the order). For a live order, PaymentCreated goes to the orders
 * service with it; for a cancelled one, the refund starts at once.
 */
public final class Settlement {

  private static final Logger log = LoggerFactory.getLogger(Settlement.class);

  private final OrderStore orders;
  private final Refunds refunds;
  private final Clock clock;

  public Settlement(OrderStore orders, Refunds refunds, Clock clock) {
    this.orders = orders;
    this.refunds = refunds;
    this.clock = clock;
  }

  /** The order as stored once the payment by {@code intentId} is recorded (it may have been already). */
  public Future<PaymentOrder> succeeded(PaymentOrder order, String intentId) {
    if (order.paid()) {
      return Future.succeededFuture(order);
    }
    return orders.recordPayment(order, Payment.of(order.id(), intentId, clock.instant())).compose(stored -> {
      log.info("Order {} paid by {} (payment {})", order.id(), intentId, stored.payment().id());
      PaymentOutcomes.SUCCEEDED.count();
      if (stored.owesRefund()) {
        return refunds.refund(stored).otherwiseEmpty().map(stored);
      }
      return Future.succeededFuture(stored);
    });
  }
}
