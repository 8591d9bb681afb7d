package dev.ticketing.payments.remote;

import dev.ticketing.contracts.commands.ById;
import dev.ticketing.contracts.commands.Command;
import dev.ticketing.contracts.commands.CommandBody;
import dev.ticketing.contracts.commands.CommandHeaders;
import dev.ticketing.contracts.commands.PaymentLeaseRequest;
import dev.ticketing.contracts.errors.ApiException;
import dev.ticketing.payments.domain.OrderLease;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;

/**
 * What payments asks the orders service, the authority on orders, on behalf of the buyer: a
 * payment lease before any money moves, and an order's status when the answer to the buyer depends
 * on it. The orders service's own refusals (403, 404, 400 for a cancelled, paid or expired order,
 * 409 not yet payable) reach the buyer unchanged.
 */
public final class OrdersClient {

  private static final String UNAVAILABLE = "Orders are temporarily unavailable; nothing was charged";

  private final Vertx vertx;
  private final long timeoutMillis;

  public OrdersClient(Vertx vertx, long timeoutMillis) {
    this.vertx = vertx;
    this.timeoutMillis = timeoutMillis;
  }

  public Future<OrderLease> lease(String orderId, String userId, String requestId) {
    return ask(Command.LEASE_PAYMENT, new PaymentLeaseRequest(orderId), userId, requestId).map(OrderLease::fromJson);
  }

  /** The order's status as the orders service has it now ("created", "complete", "cancelled"). */
  public Future<String> status(String orderId, String userId, String requestId) {
    return ask(Command.SHOW_ORDER, new ById(orderId), userId, requestId)
        .map(order -> order.getString("status"));
  }

  private Future<JsonObject> ask(Command command, CommandBody body, String userId, String requestId) {
    DeliveryOptions options = new DeliveryOptions().setSendTimeout(timeoutMillis)
        .addHeader(CommandHeaders.USER_ID, userId)
        .addHeader(CommandHeaders.REQUEST_ID, requestId);
    return vertx.eventBus().<JsonObject>request(command.address(), body.toJson(), options)
        .map(reply -> reply.body())
        .recover(OrdersClient::translate);
  }

  private static Future<JsonObject> translate(Throwable failure) {
    if (failure instanceof ReplyException reply) {
      if (reply.failureType() == ReplyFailure.RECIPIENT_FAILURE) {
        ApiException typed = ApiException.fromWire(reply.failureCode(), reply.getMessage());
        if (typed != null) {
          return Future.failedFuture(typed);
        }
      }
      return Future.failedFuture(new ApiException(503, UNAVAILABLE));
    }
    return Future.failedFuture(failure);
  }
}
