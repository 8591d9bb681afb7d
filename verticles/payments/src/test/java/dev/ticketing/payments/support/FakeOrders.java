package dev.ticketing.payments.support;

import dev.ticketing.contracts.commands.Command;
import dev.ticketing.contracts.commands.CommandHeaders;
import dev.ticketing.contracts.errors.ApiException;
import dev.ticketing.contracts.errors.BadRequest;
import dev.ticketing.contracts.errors.Forbidden;
import dev.ticketing.contracts.errors.NotFound;
import dev.ticketing.contracts.events.ConsumerGroup;
import dev.ticketing.contracts.events.Subject;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for the orders service, the authority on orders: grants payment leases by its rules
 * (only the buyer, only an unpaid live order), answers an order's status, and completes an order
 * when PaymentCreated arrives (or answers OBSOLETE when it was cancelled meanwhile), as the real one does.
 */
public final class FakeOrders {

  /** One order as the orders service holds it. */
  public static final class Order {
    final String userId;
    final long price;
    final Instant expiresAt;
    volatile String status = "created";

    Order(String userId, long price, Instant expiresAt) {
      this.userId = userId;
      this.price = price;
      this.expiresAt = expiresAt;
    }
  }

  private final Map<String, Order> orders = new ConcurrentHashMap<>();
  /** PaymentCreated events as the orders service received them. */
  public final List<JsonObject> paymentsCreated = new CopyOnWriteArrayList<>();

  public Future<Void> register(Vertx vertx) {
    return Future.all(
        vertx.eventBus().<JsonObject>consumer(Command.LEASE_PAYMENT.address(), this::lease).completion(),
        vertx.eventBus().<JsonObject>consumer(Command.SHOW_ORDER.address(), this::show).completion(),
        vertx.eventBus().<JsonObject>consumer(Subject.PAYMENT_CREATED.address(ConsumerGroup.ORDERS), this::paid).completion())
        .mapEmpty();
  }

  public void place(String orderId, String userId, long price, Instant expiresAt) {
    orders.put(orderId, new Order(userId, price, expiresAt));
  }

  public void cancel(String orderId) {
    Order order = orders.get(orderId);
    if (order != null) {
      order.status = "cancelled";
    }
  }

  public String status(String orderId) {
    return orders.get(orderId).status;
  }

  private void lease(Message<JsonObject> message) {
    String orderId = message.body().getString("orderId");
    Order order = orders.get(orderId);
    String user = message.headers().get(CommandHeaders.USER_ID);
    ApiException refusal = order == null ? new NotFound("Order not found")
        : !order.userId.equals(user) ? new Forbidden("You do not own this order")
        : order.status.equals("cancelled") ? new BadRequest("Cannot pay for a cancelled order")
        : order.status.equals("complete") ? new BadRequest("Order has already been paid")
        : !Instant.now().isBefore(order.expiresAt) ? new BadRequest("Order has expired")
        : null;
    if (refusal != null) {
      message.fail(refusal.status(), refusal.toJson().encode());
      return;
    }
    message.reply(new JsonObject().put("orderId", orderId).put("userId", order.userId).put("price", order.price)
        .put("expiresAt", order.expiresAt.toString()).put("version", 0)
        .put("leaseUntil", Instant.now().plusSeconds(30).toString()));
  }

  private void show(Message<JsonObject> message) {
    Order order = orders.get(message.body().getString("id"));
    if (order == null) {
      message.fail(404, new NotFound("Order not found").toJson().encode());
    } else {
      message.reply(new JsonObject().put("id", message.body().getString("id")).put("status", order.status));
    }
  }

  private void paid(Message<JsonObject> message) {
    paymentsCreated.add(message.body());
    Order order = orders.get(message.body().getString("orderId"));
    if (order != null && order.status.equals("cancelled")) {
      message.reply(new JsonObject().put("outcome", "OBSOLETE"));
      return;
    }
    boolean first = order != null && order.status.equals("created");
    if (order != null) {
      order.status = "complete";
    }
    message.reply(new JsonObject().put("outcome", first ? "APPLIED" : "DUPLICATE"));
  }
}
