package dev.ticketing.orders.store;

import dev.ticketing.orders.domain.Order;
import dev.ticketing.orders.domain.OrderStatus;
import dev.ticketing.orders.domain.OrderedTicket;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** How an order is laid out in the {@code orders} collection. */
final class OrderDocuments {

  static final String TICKET_HOLD = "ticketHold";
  static final String USER_HOLD = "userHold";

  private OrderDocuments() {
  }

  /**
   * A new order's document. {@code ticketHold} and {@code userHold} are what the unique indexes
   * check: the ticket is held by this order, and the user's hold slot is taken by it.
   */
  static JsonObject newOrder(Order order, String userHold, Instant now) {
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
        .put("createdAt", now.toString());
  }

  static Order toOrder(JsonObject document) {
    JsonObject ticket = document.getJsonObject("ticket");
    return new Order(
        document.getString("_id"),
        OrderStatus.fromWire(document.getString("status")),
        document.getString("userId"),
        Instant.parse(document.getString("expiresAt")),
        document.getLong("version"),
        new OrderedTicket(ticket.getString("id"), ticket.getString("title"), ticket.getLong("price"), ticket.getLong("version")));
  }
}
