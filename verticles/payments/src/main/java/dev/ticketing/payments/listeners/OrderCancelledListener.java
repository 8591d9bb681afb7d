package dev.ticketing.payments.listeners;

import dev.ticketing.contracts.events.ConsumerGroup;
import dev.ticketing.contracts.events.OrderCancelled;
import dev.ticketing.contracts.events.Subject;
import dev.ticketing.payments.settle.Refunds;
import dev.ticketing.payments.store.OrderStore;
import dev.ticketing.platform.delivery.EventListener;
import dev.ticketing.platform.delivery.Outcome;
import io.vertx.core.Future;

/**
 * Marks the order cancelled (only on top of its predecessor version), so it can no longer be paid,
 * and refunds a payment it already had. The refund happens before the acknowledgement, also for a
 * duplicate: when the refund fails, the order stays marked as owing it (the sweep tries again) and
 * the event is refused so its redelivery tries again too.
 */
public final class OrderCancelledListener extends EventListener<OrderCancelled> {

  private final OrderStore orders;
  private final Refunds refunds;

  public OrderCancelledListener(OrderStore orders, Refunds refunds) {
    super(Subject.ORDER_CANCELLED, ConsumerGroup.PAYMENTS);
    this.orders = orders;
    this.refunds = refunds;
  }

  @Override
  protected Future<Outcome> apply(OrderCancelled event) {
    return orders.applyCancelled(event)
        .compose(outcome -> refunds.refundIfOwed(event.id()).map(outcome));
  }
}
