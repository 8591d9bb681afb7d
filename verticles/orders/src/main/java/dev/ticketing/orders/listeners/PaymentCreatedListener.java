package dev.ticketing.orders.listeners;

import dev.ticketing.contracts.events.ConsumerGroup;
import dev.ticketing.contracts.events.PaymentCreated;
import dev.ticketing.contracts.events.Subject;
import dev.ticketing.orders.store.OrderStore;
import dev.ticketing.orders.store.Transition;
import dev.ticketing.platform.delivery.EventListener;
import dev.ticketing.platform.delivery.OutOfOrder;
import dev.ticketing.platform.delivery.Outcome;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An order was paid: it becomes complete and its ticket is sold. A payment for an order that was
 * cancelled meanwhile leaves the order cancelled and is acknowledged as OBSOLETE, which tells the
 * payments service (waiting for this answer before it tells the buyer) to refund it and say so.
 */
public final class PaymentCreatedListener extends EventListener<PaymentCreated> {

  private static final Logger log = LoggerFactory.getLogger(PaymentCreatedListener.class);

  private final OrderStore orders;

  public PaymentCreatedListener(OrderStore orders) {
    super(Subject.PAYMENT_CREATED, ConsumerGroup.ORDERS);
    this.orders = orders;
  }

  @Override
  protected Future<Outcome> apply(PaymentCreated event) {
    return orders.find(event.orderId()).compose(order -> {
      if (order == null) {
        throw new OutOfOrder("order " + event.orderId() + " is not stored (yet)");
      }
      return orders.complete(order, event.id(), event.stripeId()).map(transition -> outcome(event, transition));
    });
  }

  private static Outcome outcome(PaymentCreated event, Transition transition) {
    return switch (transition) {
      case DONE -> {
        log.info("order {} complete, paid by payment {}", event.orderId(), event.id());
        yield Outcome.APPLIED;
      }
      case ALREADY_COMPLETE -> Outcome.DUPLICATE;
      case ALREADY_CANCELLED -> {
        log.info("payment {} arrived for order {} which is cancelled; it stays cancelled (payments refunds it)",
            event.id(), event.orderId());
        yield Outcome.OBSOLETE;
      }
      case MISSING -> throw new OutOfOrder("order " + event.orderId() + " vanished");
    };
  }
}
