package dev.ticketing.orders.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ticketing.contracts.commands.Command;
import dev.ticketing.contracts.errors.ApiException;
import dev.ticketing.contracts.events.ConsumerGroup;
import dev.ticketing.contracts.events.OrderCreated;
import dev.ticketing.contracts.events.Subject;
import dev.ticketing.orders.testing.OrdersFixture;
import dev.ticketing.platform.testing.Eventually;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@ExtendWith(VertxExtension.class)
class CreateOrderTest {

  @RegisterExtension
  final OrdersFixture orders = OrdersFixture.started();

  @Test
  void anOrderHoldsTheTicketUntilTheWindowEnds(VertxTestContext test) {
    Instant expected = Instant.parse("2026-11-22T10:15:00.123Z");
    orders.listTicket("Opera", 2050, orders.seller)
        .compose(ticketId -> orders.createOrder(orders.buyer, ticketId).map(order -> {
          test.verify(() -> {
            assertEquals(24, order.getString("id").length());
            assertEquals("created", order.getString("status"));
            assertEquals(orders.buyer, order.getString("userId"));
            assertEquals(expected.toString(), order.getString("expiresAt"));
            assertEquals(0L, order.getLong("version"));
            assertEquals(new JsonObject().put("id", ticketId).put("title", "Opera").put("price", 20.5).put("version", 0L),
                order.getJsonObject("ticket"));
          });
          return order.getString("id");
        }))
        .compose(orderId -> Eventually.await(orders.vertx(), 10_000, "order:created at tickets, payments and expiration",
                () -> Future.succeededFuture(List.of(ConsumerGroup.TICKETS, ConsumerGroup.PAYMENTS, ConsumerGroup.EXPIRATION).stream()
                    .allMatch(group -> orders.events.about(orderId, Subject.ORDER_CREATED, group).size() == 1)))
            .map(orderId))
        .onComplete(test.succeeding(orderId -> test.verify(() -> {
          for (ConsumerGroup group : List.of(ConsumerGroup.TICKETS, ConsumerGroup.PAYMENTS, ConsumerGroup.EXPIRATION)) {
            OrderCreated event = OrderCreated.fromJson(orders.events.about(orderId, Subject.ORDER_CREATED, group).get(0));
            assertEquals(0, event.version());
            assertEquals("created", event.status());
            assertEquals(orders.buyer, event.userId());
            assertEquals(expected, event.expiresAt());
            assertEquals(2050, event.ticketPrice(), "events carry cents");
          }
          test.completeNow();
        })));
  }

  @Test
  void aSellerCannotBuyTheirOwnTicket(VertxTestContext test) {
    orders.listTicket("Opera", 2000, orders.seller)
        .compose(ticketId -> orders.refusal(Command.CREATE_ORDER, orders.seller, new JsonObject().put("ticketId", ticketId)))
        .onComplete(test.succeeding(refused -> test.verify(() -> {
          assertEquals(400, refused.status());
          assertEquals("You cannot buy your own ticket", refused.errors().get(0).message());
          test.completeNow();
        })));
  }

  @Test
  void anUnknownTicketIsNotFound(VertxTestContext test) {
    Future.all(
            orders.refusal(Command.CREATE_ORDER, orders.buyer, new JsonObject().put("ticketId", OrdersFixture.newId())),
            orders.refusal(Command.CREATE_ORDER, orders.buyer, new JsonObject().put("ticketId", "not-an-id")))
        .onComplete(test.succeeding(all -> test.verify(() -> {
          for (int i = 0; i < all.size(); i++) {
            assertEquals(404, all.<ApiException>resultAt(i).status());
            assertEquals("Ticket not found", all.<ApiException>resultAt(i).errors().get(0).message());
          }
          test.completeNow();
        })));
  }

  @Test
  void aMissingOrBlankTicketIdIsABadRequestNamingTheField(VertxTestContext test) {
    Future.all(
            orders.refusal(Command.CREATE_ORDER, orders.buyer, new JsonObject().put("ticketId", "")),
            orders.refusal(Command.CREATE_ORDER, orders.buyer, new JsonObject().put("ticketId", 12)),
            orders.refusal(Command.CREATE_ORDER, orders.buyer, new JsonObject()))
        .onComplete(test.succeeding(all -> test.verify(() -> {
          for (int i = 0; i < all.size(); i++) {
            assertEquals(400, all.<ApiException>resultAt(i).status());
            assertEquals("ticketId", all.<ApiException>resultAt(i).errors().get(0).field());
          }
          test.completeNow();
        })));
  }

  @Test
  void signedOutIsNotAuthorized(VertxTestContext test) {
    orders.listTicket("Opera", 2000, orders.seller)
        .compose(ticketId -> orders.refusal(Command.CREATE_ORDER, null, new JsonObject().put("ticketId", ticketId)))
        .onComplete(test.succeeding(refused -> test.verify(() -> {
          assertEquals(401, refused.status());
          test.completeNow();
        })));
  }

  @Test
  void aHeldTicketIsAlreadyReservedAndFreeAgainOnceCancelled(VertxTestContext test) {
    String other = OrdersFixture.newId();
    orders.listTicket("Opera", 2000, orders.seller)
        .compose(ticketId -> orders.createOrder(orders.buyer, ticketId)
            .compose(first -> orders.refusal(Command.CREATE_ORDER, other, new JsonObject().put("ticketId", ticketId))
                .compose(refused -> {
                  test.verify(() -> {
                    assertEquals(400, refused.status());
                    assertEquals("Ticket is already reserved", refused.errors().get(0).message());
                  });
                  return orders.cancelOrder(orders.buyer, first.getString("id"));
                }))
            .compose(cancelled -> orders.createOrder(other, ticketId)))
        .onComplete(test.succeeding(second -> test.verify(() -> {
          assertEquals(other, second.getString("userId"));
          assertEquals("created", second.getString("status"));
          test.completeNow();
        })));
  }

  @Test
  void ofFiftyBuyersRacingForOneTicketExactlyOneWins(VertxTestContext test) {
    orders.listTicket("Final", 10_000, orders.seller)
        .compose(ticketId -> {
          // All fifty are sent before any answer arrives: they race inside the service and the database.
          List<Future<String>> attempts = IntStream.range(0, 50)
              .mapToObj(i -> orders.createOrder(OrdersFixture.newId(), ticketId).map(order -> "won")
                  .recover(failure -> Future.succeededFuture(OrdersFixture.describe(failure))))
              .toList();
          return Future.all(attempts).map(all -> all.<String>list())
              .compose(outcomes -> orders.db().count("orders", new JsonObject().put("ticketHold", ticketId))
                  .map(holders -> {
                    test.verify(() -> assertEquals(1L, holders, "one order holds the ticket"));
                    return outcomes;
                  }));
        })
        .onComplete(test.succeeding(outcomes -> test.verify(() -> {
          assertEquals(1, outcomes.stream().filter("won"::equals).count(), "exactly one buyer wins: " + outcomes);
          assertEquals(49, outcomes.stream().filter("400 Ticket is already reserved"::equals).count(), outcomes.toString());
          test.completeNow();
        })));
  }
}
