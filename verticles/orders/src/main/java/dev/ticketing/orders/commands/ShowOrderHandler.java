package dev.ticketing.orders.commands;

import dev.ticketing.contracts.commands.ById;
import dev.ticketing.orders.store.OrderStore;
import dev.ticketing.platform.commands.CommandHandler;
import dev.ticketing.platform.commands.CommandRequest;
import dev.ticketing.platform.mongo.Ids;
import io.vertx.core.Future;

/** One of the user's orders: body {@code {id}}. */
public final class ShowOrderHandler implements CommandHandler {

  private final OwnedOrders owned;
  private final OrderReplies replies;

  public ShowOrderHandler(OrderStore orders, OrderReplies replies) {
    this.owned = new OwnedOrders(orders);
    this.replies = replies;
  }

  @Override
  public Future<?> handle(CommandRequest request) {
    String userId = request.requireUser();
    return owned.find(Ids.required(ById.fromJson(request.body()).id(), "id"), userId).compose(replies::one);
  }
}
