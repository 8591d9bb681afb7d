package dev.ticketing.orders.commands;

import static dev.ticketing.platform.testing.Blocking.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ticketing.contracts.commands.Command;
import dev.ticketing.contracts.errors.ApiException;
import dev.ticketing.contracts.events.TicketUpdated;
import dev.ticketing.orders.testing.OrdersFixture;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A buyer sees their own orders, one or all, newest first, with the ticket as it is now. */
class ShowAndListOrdersTest {

  @RegisterExtension
  final OrdersFixture orders = OrdersFixture.started();

  @Test
  void aBuyerSeesTheirOrderAndNobodyElseDoes() throws Exception {
    JsonObject created = await(orders.createOrder(orders.buyer, await(orders.listTicket("Opera", 2000, orders.seller))));
    String orderId = created.getString("id");

    assertEquals(created, await(orders.showOrder(orders.buyer, orderId)));
    assertEquals("403 You do not own this order", refusedShowing(OrdersFixture.newId(), orderId));
    assertEquals("404 Order not found", refusedShowing(orders.buyer, OrdersFixture.newId()));
    assertEquals("404 Order not found", refusedShowing(orders.buyer, "../orders"));
    assertEquals("401 Not authorized", refusedShowing(null, orderId));
  }

  @Test
  void theListHoldsMyOrdersNewestFirst() throws Exception {
    String other = OrdersFixture.newId();
    await(orders.createOrder(orders.buyer, await(orders.listTicket("First", 1000, orders.seller))));
    await(orders.createOrder(orders.buyer, await(orders.listTicket("Second", 2000, orders.seller))));
    await(orders.createOrder(other, await(orders.listTicket("Theirs", 4000, orders.seller))));
    await(orders.createOrder(orders.buyer, await(orders.listTicket("Third", 3050, orders.seller))));

    JsonArray list = listed();

    assertEquals(3, list.size());
    assertEquals(List.of("Third", "Second", "First"),
        list.stream().map(order -> ((JsonObject) order).getJsonObject("ticket").getString("title")).toList());
    assertEquals("30.5", list.getJsonObject(0).getJsonObject("ticket").getValue("price").toString(), "major units");
    assertEquals("10", list.getJsonObject(2).getJsonObject("ticket").getValue("price").toString());
    list.forEach(order -> assertEquals(orders.buyer, ((JsonObject) order).getString("userId")));
  }

  @Test
  void anOrderStoredBeforeBuyerKeysExistedIsListedAfterARestart() throws Exception {
    JsonObject order = await(orders.createOrder(orders.buyer, await(orders.listTicket("Opera", 2000, orders.seller))));
    await(orders.db().updateCollection("orders", new JsonObject().put("_id", order.getString("id")),
        new JsonObject().put("$unset", new JsonObject().put("buyerKey", ""))));
    int before = listed().size();

    await(orders.restart());

    assertEquals(List.of(0, 1), List.of(before, listed().size()), "unlisted without its key, listed once the start gave it one");
  }

  @Test
  void aNewUserHasNoOrders() throws Exception {
    assertEquals(new JsonArray(), listed());
  }

  @Test
  void ticketEditsShowOnOrders() throws Exception {
    String ticketId = await(orders.listTicket("Opera", 2000, orders.seller));
    String orderId = await(orders.createOrder(orders.buyer, ticketId)).getString("id");

    await(orders.publish(new TicketUpdated(ticketId, 1, "Opera (matinee)", 2550, orders.seller, orderId, false)));

    JsonObject shown = await(orders.showOrder(orders.buyer, orderId)).getJsonObject("ticket");
    JsonObject inTheList = listed().getJsonObject(0).getJsonObject("ticket");
    for (JsonObject ticket : List.of(shown, inTheList)) {
      assertEquals("Opera (matinee)", ticket.getString("title"));
      assertEquals("25.5", ticket.getValue("price").toString());
      assertEquals(1L, ticket.getLong("version"));
    }
  }

  /** The buyer's orders, as the list command answers them. */
  private JsonArray listed() throws Exception {
    return await(orders.<JsonArray>command(Command.LIST_ORDERS, orders.buyer, new JsonObject()));
  }

  /** "status message" of the refusal to show {@code orderId} to {@code userId}. */
  private String refusedShowing(String userId, String orderId) throws Exception {
    ApiException refused = await(orders.refusal(Command.SHOW_ORDER, userId, new JsonObject().put("id", orderId)));
    return refused.status() + " " + refused.errors().get(0).message();
  }
}
