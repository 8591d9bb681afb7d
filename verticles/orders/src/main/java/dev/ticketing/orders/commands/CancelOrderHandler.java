package dev.ticketing.orders.commands;

import dev.ticketing.contracts.commands.ById;
import dev.ticketing.contracts.errors.BadRequest;
import dev.ticketing.contracts.errors.NotFound;
import dev.ticketing.orders.store.OrderStore;
import dev.ticketing.platform.commands.CommandHandler;
import dev.ticketing.platform.commands.CommandRequest;
import dev.ticketing.platform.mongo.Ids;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The buyer cancels an order: body {@code {id}}, empty reply (the gateway answers 204). Cancelling
 * a cancelled order succeeds again without a second event, so a retried DELETE is harmless; a
 * paid order cannot be cancelled.
 */
public final class CancelOrderHandler implements CommandHandler {

  private static final Logger log = LoggerFactory.getLogger(CancelOrderHandler.class);

  private final OrderStore orders;
  private final OwnedOrders owned;

  public CancelOrderHandler(OrderStore orders) {
    this.orders = orders;
    this.owned = new OwnedOrders(orders);
  }

  @Override
  public Future<?> handle(CommandRequest request) {
    String userId = request.requireUser();
    String orderId = Ids.required(ById.fromJson(request.body()).id(), "id");
    return owned.find(orderId, userId)
        .compose(order -> orders.cancel(order, "by-buyer"))
        .compose(transition -> switch (transition) {
          case DONE -> {
            log.info("order {} cancelled by its buyer {} (request {})", orderId, userId, request.requestId());
            yield Future.succeededFuture(new JsonObject());
          }
          case ALREADY_CANCELLED -> Future.succeededFuture(new JsonObject());
          case ALREADY_COMPLETE -> Future.failedFuture(new BadRequest("Cannot cancel a complete order"));
          case MISSING -> Future.failedFuture(new NotFound("Order not found"));
        });
  }
}
