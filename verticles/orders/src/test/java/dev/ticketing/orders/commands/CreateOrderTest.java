package dev.ticketing.orders.commands;

import static dev.ticketing.platform.testing.Blocking.await;
import static dev.ticketing.platform.testing.Blocking.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ticketing.contracts.commands.Command;
import dev.ticketing.contracts.errors.ApiException;
import dev.ticketing.contracts.events.ConsumerGroup;
import dev.ticketing.contracts.events.OrderCreated;
import dev.ticketing.contracts.events.Subject;
import dev.ticketing.orders.testing.OrdersFixture;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A buyer reserves a ticket: one order holds it for the window, and nobody else can hold it meanwhile. */
class CreateOrderTest {

  private static final List<ConsumerGroup> TOLD = List.of(ConsumerGroup.TICKETS, ConsumerGroup.PAYMENTS, ConsumerGroup.EXPIRATION);

  @RegisterExtension
  final OrdersFixture orders = OrdersFixture.started();

  @Test
  void anOrderHoldsTheTicketUntilTheWindowEnds() throws Exception {
    Instant expected = Instant.parse("2026-11-22T10:15:00.123Z");
    String ticketId = await(orders.listTicket("Opera", 2050, orders.seller));

    JsonObject order = await(orders.createOrder(orders.buyer, ticketId));

    assertEquals(24, order.getString("id").length());
    assertEquals("created", order.getString("status"));
    assertEquals(orders.buyer, order.getString("userId"));
    assertEquals(expected.toString(), order.getString("expiresAt"));
    assertEquals(0L, order.getLong("version"));
    assertEquals(new JsonObject().put("id", ticketId).put("title", "Opera").put("price", 20.5).put("version", 0L),
        order.getJsonObject("ticket"));
    String orderId = order.getString("id");
    eventually("order:created at tickets, payments and expiration", Duration.ofSeconds(10),
        () -> TOLD.stream().allMatch(group -> orders.events.about(orderId, Subject.ORDER_CREATED, group).size() == 1));
    for (ConsumerGroup group : TOLD) {
      OrderCreated event = OrderCreated.fromJson(orders.events.about(orderId, Subject.ORDER_CREATED, group).get(0));
      assertEquals(0, event.version());
      assertEquals("created", event.status());
      assertEquals(orders.buyer, event.userId());
      assertEquals(expected, event.expiresAt());
      assertEquals(2050, event.ticketPrice(), "events carry cents");
    }
  }

  @Test
  void aSellerCannotBuyTheirOwnTicket() throws Exception {
    String ticketId = await(orders.listTicket("Opera", 2000, orders.seller));

    ApiException refused = await(orders.refusal(Command.CREATE_ORDER, orders.seller, ordering(ticketId)));

    assertEquals(400, refused.status());
    assertEquals("You cannot buy your own ticket", refused.errors().get(0).message());
  }

  @Test
  void anUnknownTicketIsNotFound() throws Exception {
    for (String unknown : List.of(OrdersFixture.newId(), "not-an-id")) {
      ApiException refused = await(orders.refusal(Command.CREATE_ORDER, orders.buyer, ordering(unknown)));
      assertEquals(404, refused.status());
      assertEquals("Ticket not found", refused.errors().get(0).message());
    }
  }

  @Test
  void aMissingOrBlankTicketIdIsABadRequestNamingTheField() throws Exception {
    for (JsonObject body : List.of(ordering(""), new JsonObject().put("ticketId", 12), new JsonObject())) {
      ApiException refused = await(orders.refusal(Command.CREATE_ORDER, orders.buyer, body));
      assertEquals(400, refused.status());
      assertEquals("ticketId", refused.errors().get(0).field());
    }
  }

  @Test
  void signedOutIsNotAuthorized() throws Exception {
    String ticketId = await(orders.listTicket("Opera", 2000, orders.seller));

    assertEquals(401, await(orders.refusal(Command.CREATE_ORDER, null, ordering(ticketId))).status());
  }

  @Test
  void aHeldTicketIsAlreadyReservedAndFreeAgainOnceCancelled() throws Exception {
    String other = OrdersFixture.newId();
    String ticketId = await(orders.listTicket("Opera", 2000, orders.seller));
    JsonObject first = await(orders.createOrder(orders.buyer, ticketId));

    ApiException refused = await(orders.refusal(Command.CREATE_ORDER, other, ordering(ticketId)));
    assertEquals(400, refused.status());
    assertEquals("Ticket is already reserved", refused.errors().get(0).message());
    await(orders.cancelOrder(orders.buyer, first.getString("id")));
    JsonObject second = await(orders.createOrder(other, ticketId));
    assertEquals(other, second.getString("userId"));
    assertEquals("created", second.getString("status"));
  }

  @Test
  void ofFiftyBuyersRacingForOneTicketExactlyOneWins() throws Exception {
    String ticketId = await(orders.listTicket("Final", 10_000, orders.seller));

    // All fifty are sent before any answer arrives: they race inside the service and the database.
    List<Future<String>> attempts = IntStream.range(0, 50)
        .mapToObj(i -> orders.createOrder(OrdersFixture.newId(), ticketId).map(order -> "won")
            .recover(failure -> Future.succeededFuture(OrdersFixture.describe(failure))))
        .toList();
    List<String> outcomes = await(Future.all(attempts)).list();

    assertEquals(1L, await(orders.db().count("orders", new JsonObject().put("ticketHold", ticketId))), "one order holds the ticket");
    assertEquals(1, outcomes.stream().filter("won"::equals).count(), "exactly one buyer wins: " + outcomes);
    assertEquals(49, outcomes.stream().filter("400 Ticket is already reserved"::equals).count(), outcomes.toString());
  }

  private static JsonObject ordering(String ticketId) {
    return new JsonObject().put("ticketId", ticketId);
  }
}
