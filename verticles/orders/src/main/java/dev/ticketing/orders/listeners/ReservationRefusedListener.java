package dev.ticketing.orders.listeners;

import dev.ticketing.contracts.events.ConsumerGroup;
import dev.ticketing.contracts.events.ReservationRefused;
import dev.ticketing.contracts.events.Subject;
import dev.ticketing.orders.domain.OrderStatus;
import dev.ticketing.orders.store.OrderStore;
import dev.ticketing.platform.delivery.EventListener;
import dev.ticketing.platform.delivery.OutOfOrder;
import dev.ticketing.platform.delivery.Outcome;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tickets service did not reserve the ticket: the seller edited it after the order was priced.
 * The order is cancelled (reason {@code ticket-changed}), which frees the buyer's hold slot; the
 * buyer may order again at the new price. An order cannot be paid before its reservation shows
 * (see the payment lease), so a refused one is never complete; if it were, it stays complete.
 */
public final class ReservationRefusedListener extends EventListener<ReservationRefused> {

  private static final Logger log = LoggerFactory.getLogger(ReservationRefusedListener.class);

  private final OrderStore orders;

  public ReservationRefusedListener(OrderStore orders) {
    super(Subject.RESERVATION_REFUSED, ConsumerGroup.ORDERS);
    this.orders = orders;
  }

  @Override
  protected Future<Outcome> apply(ReservationRefused event) {
    return orders.find(event.orderId()).compose(order -> {
      if (order == null) {
        throw new OutOfOrder("order " + event.orderId() + " is not stored (yet)");
      }
      if (order.status() == OrderStatus.COMPLETE) {
        log.error("order {} is complete but the tickets service refused its reservation of ticket {}", order.id(),
            event.ticketId());
        return Future.succeededFuture(Outcome.OBSOLETE);
      }
      log.info("order {} cancelled: ticket {} was edited (v{}) after the order was priced at v{}", order.id(),
          event.ticketId(), event.ticketVersion(), event.pricedAtVersion());
      return orders.cancel(order, "ticket-changed").map(Transitions::outcome);
    });
  }
}
