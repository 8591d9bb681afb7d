package dev.ticketing.payments.listeners;

import dev.ticketing.contracts.events.ConsumerGroup;
import dev.ticketing.contracts.events.OrderCreated;
import dev.ticketing.contracts.events.Subject;
import dev.ticketing.payments.store.OrderStore;
import dev.ticketing.platform.delivery.EventListener;
import dev.ticketing.platform.delivery.Outcome;
import io.vertx.core.Future;

/** A new order becomes payable here: inserted as version 0 (a duplicate key means we have it already). */
public final class OrderCreatedListener extends EventListener<OrderCreated> {

  private final OrderStore orders;

  public OrderCreatedListener(OrderStore orders) {
    super(Subject.ORDER_CREATED, ConsumerGroup.PAYMENTS);
    this.orders = orders;
  }

  @Override
  protected Future<Outcome> apply(OrderCreated event) {
    return orders.applyCreated(event);
  }
}
