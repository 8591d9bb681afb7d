package dev.ticketing.orders.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ticketing.contracts.commands.Command;
import dev.ticketing.contracts.errors.ApiException;
import dev.ticketing.contracts.events.TicketUpdated;
import dev.ticketing.orders.testing.OrdersFixture;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@ExtendWith(VertxExtension.class)
class ShowAndListOrdersTest {

  @RegisterExtension
  final OrdersFixture orders = OrdersFixture.started();

  @Test
  void aBuyerSeesTheirOrderAndNobodyElseDoes(VertxTestContext test) {
    orders.listTicket("Opera", 2000, orders.seller)
        .compose(ticketId -> orders.createOrder(orders.buyer, ticketId))
        .compose(created -> orders.showOrder(orders.buyer, created.getString("id")).compose(shown -> {
          test.verify(() -> assertEquals(created, shown));
          return Future.all(
              orders.refusal(Command.SHOW_ORDER, OrdersFixture.newId(), new JsonObject().put("id", created.getString("id"))),
              orders.refusal(Command.SHOW_ORDER, orders.buyer, new JsonObject().put("id", OrdersFixture.newId())),
              orders.refusal(Command.SHOW_ORDER, orders.buyer, new JsonObject().put("id", "../orders")),
              orders.refusal(Command.SHOW_ORDER, null, new JsonObject().put("id", created.getString("id"))));
        }))
        .onComplete(test.succeeding(refusals -> test.verify(() -> {
          List<String> described = refusals.<ApiException>list().stream()
              .map(refused -> refused.status() + " " + refused.errors().get(0).message()).toList();
          assertEquals(List.of("403 You do not own this order", "404 Order not found", "404 Order not found",
              "401 Not authorized"), described);
          test.completeNow();
        })));
  }

  @Test
  void theListHoldsMyOrdersNewestFirst(VertxTestContext test) {
    String other = OrdersFixture.newId();
    Future.all(orders.listTicket("First", 1000, orders.seller), orders.listTicket("Second", 2000, orders.seller),
            orders.listTicket("Third", 3050, orders.seller), orders.listTicket("Theirs", 4000, orders.seller))
        .compose(tickets -> orders.createOrder(orders.buyer, tickets.resultAt(0))
            .compose(first -> orders.createOrder(orders.buyer, tickets.resultAt(1)))
            .compose(second -> orders.createOrder(other, tickets.resultAt(3)))
            .compose(theirs -> orders.createOrder(orders.buyer, tickets.resultAt(2))))
        .compose(third -> orders.<JsonArray>command(Command.LIST_ORDERS, orders.buyer, new JsonObject()))
        .onComplete(test.succeeding(list -> test.verify(() -> {
          assertEquals(3, list.size());
          assertEquals(List.of("Third", "Second", "First"),
              list.stream().map(order -> ((JsonObject) order).getJsonObject("ticket").getString("title")).toList());
          assertEquals("30.5", list.getJsonObject(0).getJsonObject("ticket").getValue("price").toString(), "major units");
          assertEquals("10", list.getJsonObject(2).getJsonObject("ticket").getValue("price").toString());
          list.forEach(order -> assertEquals(orders.buyer, ((JsonObject) order).getString("userId")));
          test.completeNow();
        })));
  }

  @Test
  void anOrderStoredBeforeBuyerKeysExistedIsListedAfterARestart(VertxTestContext test) {
    orders.listTicket("Opera", 2000, orders.seller)
        .compose(ticketId -> orders.createOrder(orders.buyer, ticketId))
        .compose(order -> orders.db().updateCollection("orders", new JsonObject().put("_id", order.getString("id")),
                new JsonObject().put("$unset", new JsonObject().put("buyerKey", "")))
            .compose(unset -> orders.<JsonArray>command(Command.LIST_ORDERS, orders.buyer, new JsonObject()))
            .compose(before -> orders.restart()
                .compose(restarted -> orders.<JsonArray>command(Command.LIST_ORDERS, orders.buyer, new JsonObject()))
                .map(after -> List.of(before.size(), after.size()))))
        .onComplete(test.succeeding(sizes -> test.verify(() -> {
          assertEquals(List.of(0, 1), sizes, "unlisted without its key, listed once the start gave it one");
          test.completeNow();
        })));
  }

  @Test
  void aNewUserHasNoOrders(VertxTestContext test) {
    orders.<JsonArray>command(Command.LIST_ORDERS, orders.buyer, new JsonObject())
        .onComplete(test.succeeding(list -> test.verify(() -> {
          assertEquals(new JsonArray(), list);
          test.completeNow();
        })));
  }

  @Test
  void ticketEditsShowOnOrders(VertxTestContext test) {
    orders.listTicket("Opera", 2000, orders.seller)
        .compose(ticketId -> orders.createOrder(orders.buyer, ticketId)
            .compose(order -> orders.publish(new TicketUpdated(ticketId, 1, "Opera (matinee)", 2550, orders.seller, order.getString("id"), false))
                .compose(edited -> Future.all(orders.showOrder(orders.buyer, order.getString("id")),
                    orders.<JsonArray>command(Command.LIST_ORDERS, orders.buyer, new JsonObject())))))
        .onComplete(test.succeeding(both -> test.verify(() -> {
          JsonObject shown = both.<JsonObject>resultAt(0).getJsonObject("ticket");
          JsonObject listed = both.<JsonArray>resultAt(1).getJsonObject(0).getJsonObject("ticket");
          for (JsonObject ticket : List.of(shown, listed)) {
            assertEquals("Opera (matinee)", ticket.getString("title"));
            assertEquals("25.5", ticket.getValue("price").toString());
            assertEquals(1L, ticket.getLong("version"));
          }
          test.completeNow();
        })));
  }
}
