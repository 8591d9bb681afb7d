package dev.ticketing.orders.listeners;

import dev.ticketing.contracts.events.ConsumerGroup;
import dev.ticketing.contracts.events.Subject;
import dev.ticketing.contracts.events.TicketUpdated;
import dev.ticketing.orders.domain.OrderStatus;
import dev.ticketing.orders.store.OrderStore;
import dev.ticketing.orders.store.TicketReplicaStore;
import dev.ticketing.platform.delivery.EventListener;
import dev.ticketing.platform.delivery.Outcome;
import io.vertx.core.Future;

/**
 * A ticket changed (edited, reserved, released or sold): the replica moves to the event's version,
 * only on top of its predecessor. Orders then show the new title and price, and a payment may
 * start once the replica shows the order's reservation.
 *
 * <p>It is also where a divergence heals: should the tickets service show a ticket held by an
 * order we have cancelled (a very late copy of that order's creation reserved it again), the
 * cancellation is announced once more, and the tickets service lets go.
 */
public final class TicketUpdatedListener extends EventListener<TicketUpdated> {

  private final TicketReplicaStore tickets;
  private final OrderStore orders;

  public TicketUpdatedListener(TicketReplicaStore tickets, OrderStore orders) {
    super(Subject.TICKET_UPDATED, ConsumerGroup.ORDERS);
    this.tickets = tickets;
    this.orders = orders;
  }

  @Override
  protected Future<Outcome> apply(TicketUpdated event) {
    return tickets.apply(event).compose(outcome -> {
      if (outcome != Outcome.APPLIED || event.orderId() == null || event.sold()) {
        return Future.succeededFuture(outcome);
      }
      return orders.find(event.orderId()).compose(holder -> holder != null && holder.status() == OrderStatus.CANCELLED
          ? orders.reannounceCancellation(holder).map(outcome)
          : Future.succeededFuture(outcome));
    });
  }
}
