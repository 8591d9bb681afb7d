package dev.ticketing.orders.commands;

import dev.ticketing.contracts.errors.Forbidden;
import dev.ticketing.contracts.errors.NotFound;
import dev.ticketing.platform.mongo.Ids;
import dev.ticketing.orders.domain.Order;
import dev.ticketing.orders.store.OrderStore;
import io.vertx.core.Future;

/** Looks up an order on behalf of a user: 404 when there is none (or the id cannot exist), 403 when it is someone else's. */
final class OwnedOrders {

  private final OrderStore orders;

  OwnedOrders(OrderStore orders) {
    this.orders = orders;
  }

  Future<Order> find(String orderId, String userId) {
    if (!Ids.isWellFormed(orderId)) {
      return Future.failedFuture(new NotFound("Order not found"));
    }
    return orders.find(orderId).compose(order -> {
      if (order == null) {
        return Future.failedFuture(new NotFound("Order not found"));
      }
      if (!order.ownedBy(userId)) {
        return Future.failedFuture(new Forbidden("You do not own this order"));
      }
      return Future.succeededFuture(order);
    });
  }
}
