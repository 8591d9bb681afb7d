package dev.ticketing.orders.store;

import dev.ticketing.orders.domain.Order;
import dev.ticketing.orders.domain.OrderStatus;
import dev.ticketing.orders.domain.OrderedTicket;
import dev.ticketing.platform.mongo.DueKeys;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;

/** How an order is laid out in the {@code orders} collection. */
final class OrderDocuments {

  static final String TICKET_HOLD = "ticketHold";
  static final String USER_HOLD = "userHold";
  /** A due key (see DueKeys): when the safety net cancels this order if nothing else has; live orders only. */
  static final String EXPIRY_KEY = "expiryKey";
  static final String LEASE_UNTIL = "paymentLeaseUntil";
  /**
   * {@code <userId>/<orderId>}, unique: a buyer's orders are the keys from {@code <userId>/} up to
   * (not including) {@code <userId>0}, the next character after {@code /}, and newest first is
   * those keys in reverse (order ids sort by creation time). One range of one index, however many
   * orders other buyers have.
   */
  static final String BUYER_KEY = "buyerKey";

  private OrderDocuments() {
  }

  /**
   * A new order's document. {@code ticketHold} and {@code userHold} are what the unique indexes
   * check: the ticket is held by this order, and the user's hold slot is taken by it.
   */
  static JsonObject newOrder(Order order, String userHold, Instant now, Duration expiryGrace) {
    return new JsonObject()
        .put("_id", order.id())
        .put("status", order.status().wireName())
        .put("userId", order.userId())
        .put("expiresAt", order.expiresAt().toString())
        .put("version", order.version())
        .put("ticket", new JsonObject()
            .put("id", order.ticket().id())
            .put("title", order.ticket().title())
            .put("price", order.ticket().price())
            .put("version", order.ticket().version()))
        .put(TICKET_HOLD, order.ticket().id())
        .put(USER_HOLD, userHold)
        .put(EXPIRY_KEY, DueKeys.key(order.expiresAt().plus(expiryGrace).toEpochMilli(), order.id()))
        .put(BUYER_KEY, buyerKey(order.userId(), order.id()))
        .put("createdAt", now.toString());
  }

  static String buyerKey(String userId, String orderId) {
    return userId + "/" + orderId;
  }

  /** The range of {@link #BUYER_KEY} that holds exactly the user's orders. */
  static JsonObject ordersOf(String userId) {
    return new JsonObject().put(BUYER_KEY, new JsonObject().put("$gte", userId + "/").put("$lt", userId + "0"));
  }

  static Order toOrder(JsonObject document) {
    if (document == null) {
      return null;
    }
    JsonObject ticket = document.getJsonObject("ticket");
    String lease = document.getString(LEASE_UNTIL);
    return new Order(
        document.getString("_id"),
        OrderStatus.fromWire(document.getString("status")),
        document.getString("userId"),
        Instant.parse(document.getString("expiresAt")),
        document.getLong("version"),
        new OrderedTicket(ticket.getString("id"), ticket.getString("title"), ticket.getLong("price"), ticket.getLong("version")),
        lease == null ? null : Instant.parse(lease));
  }
}
