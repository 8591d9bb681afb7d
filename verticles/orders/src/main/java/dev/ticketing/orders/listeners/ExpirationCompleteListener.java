package dev.ticketing.orders.listeners;

import dev.ticketing.contracts.events.ConsumerGroup;
import dev.ticketing.contracts.events.ExpirationComplete;
import dev.ticketing.contracts.events.Subject;
import dev.ticketing.orders.domain.Expiry;
import dev.ticketing.orders.domain.OrderStatus;
import dev.ticketing.orders.store.OrderStore;
import dev.ticketing.platform.delivery.EventListener;
import dev.ticketing.platform.delivery.OutOfOrder;
import dev.ticketing.platform.delivery.Outcome;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;

/**
 * An order's hold ran out: cancel it unless it was paid or cancelled meanwhile (expiration never
 * cancels a complete order). A notice for an order we have not stored yet, one that arrives before
 * the order's expiresAt (the expiration service's clock runs ahead), or one for an order whose
 * payment is in progress (a live payment lease) is refused, so that it comes again later.
 */
public final class ExpirationCompleteListener extends EventListener<ExpirationComplete> {

  private final OrderStore orders;
  private final Clock clock;

  public ExpirationCompleteListener(OrderStore orders, Clock clock) {
    super(Subject.EXPIRATION_COMPLETE, ConsumerGroup.ORDERS);
    this.orders = orders;
    this.clock = clock;
  }

  @Override
  protected Future<Outcome> apply(ExpirationComplete event) {
    return orders.find(event.orderId()).compose(order -> {
      if (order == null) {
        throw new OutOfOrder("order " + event.orderId() + " is not stored (yet)");
      }
      if (order.status() != OrderStatus.CREATED) {
        return Future.succeededFuture(Outcome.DUPLICATE);
      }
      Instant now = clock.instant();
      if (!Expiry.isDue(now, order.expiresAt())) {
        throw new OutOfOrder("order " + order.id() + " expires at " + order.expiresAt() + ", it is " + now);
      }
      if (order.leaseLive(now)) {
        throw new OutOfOrder("order " + order.id() + " is being paid (lease until " + order.leaseUntil() + ")");
      }
      return orders.cancel(order, "expired").map(Transitions::outcome);
    });
  }
}
