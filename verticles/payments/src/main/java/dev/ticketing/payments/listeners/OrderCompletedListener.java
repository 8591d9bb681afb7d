package dev.ticketing.payments.listeners;

import dev.ticketing.contracts.events.ConsumerGroup;
import dev.ticketing.contracts.events.OrderCompleted;
import dev.ticketing.contracts.events.Subject;
import dev.ticketing.payments.store.OrderStore;
import dev.ticketing.platform.delivery.EventListener;
import dev.ticketing.platform.delivery.Outcome;
import io.vertx.core.Future;

/** The orders service completed the order (our payment reached it): the replica says so, at the order's version. */
public final class OrderCompletedListener extends EventListener<OrderCompleted> {

  private final OrderStore orders;

  public OrderCompletedListener(OrderStore orders) {
    super(Subject.ORDER_COMPLETED, ConsumerGroup.PAYMENTS);
    this.orders = orders;
  }

  @Override
  protected Future<Outcome> apply(OrderCompleted event) {
    return orders.applyCompleted(event);
  }
}
