package dev.ticketing.orders.commands;

import dev.ticketing.contracts.money.Money;
import dev.ticketing.orders.domain.Order;
import dev.ticketing.orders.domain.OrderedTicket;
import dev.ticketing.orders.domain.Ticket;
import dev.ticketing.orders.store.TicketReplicaStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * Orders as the API shows them: {@code {id, status, userId, expiresAt, version, ticket: {id, title,
 * price, version}}}, price in major units. The ticket's title, price and version come from the
 * replica when it has the ticket, so an edit made after the order was placed shows.
 */
public final class OrderReplies {

  private final TicketReplicaStore tickets;

  public OrderReplies(TicketReplicaStore tickets) {
    this.tickets = tickets;
  }

  public Future<JsonObject> one(Order order) {
    return tickets.find(order.ticket().id()).map(current -> render(order, current));
  }

  /** All of them, with one replica query for their tickets. */
  public Future<JsonArray> all(List<Order> orders) {
    return tickets.findAll(orders.stream().map(order -> order.ticket().id()).toList())
        .map(current -> render(orders, current));
  }

  /** The order with {@code current}, the replica's ticket already in hand. */
  public static JsonObject render(Order order, Ticket current) {
    OrderedTicket ticket = order.ticket().current(current);
    return new JsonObject()
        .put("id", order.id())
        .put("status", order.status().wireName())
        .put("userId", order.userId())
        .put("expiresAt", order.expiresAt().toString())
        .put("version", order.version())
        .put("ticket", new JsonObject()
            .put("id", ticket.id())
            .put("title", ticket.title())
            .put("price", Money.toMajor(ticket.price()))
            .put("version", ticket.version()));
  }

  private static JsonArray render(List<Order> orders, Map<String, Ticket> current) {
    JsonArray list = new JsonArray();
    orders.forEach(order -> list.add(render(order, current.get(order.ticket().id()))));
    return list;
  }
}
