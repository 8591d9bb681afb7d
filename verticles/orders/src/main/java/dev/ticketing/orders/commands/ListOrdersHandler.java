package dev.ticketing.orders.commands;

import dev.ticketing.orders.store.OrderStore;
import dev.ticketing.platform.commands.CommandHandler;
import dev.ticketing.platform.commands.CommandRequest;
import io.vertx.core.Future;

/** The user's orders, newest first, each with its ticket. */
public final class ListOrdersHandler implements CommandHandler {

  private final OrderStore orders;
  private final OrderReplies replies;

  public ListOrdersHandler(OrderStore orders, OrderReplies replies) {
    this.orders = orders;
    this.replies = replies;
  }

  @Override
  public Future<?> handle(CommandRequest request) {
    String userId = request.requireUser();
    return orders.listByUser(userId).compose(replies::all);
  }
}
