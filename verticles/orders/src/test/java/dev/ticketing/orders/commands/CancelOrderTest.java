package dev.ticketing.orders.commands;

import static dev.ticketing.platform.testing.Blocking.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.contracts.commands.Command;
import dev.ticketing.contracts.errors.ApiException;
import dev.ticketing.contracts.events.ConsumerGroup;
import dev.ticketing.contracts.events.OrderCancelled;
import dev.ticketing.contracts.events.PaymentCreated;
import dev.ticketing.contracts.events.Subject;
import dev.ticketing.orders.testing.OrdersFixture;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The buyer cancels an unpaid order; the ticket and the hold slot are free again, and tickets and payments hear of it. */
class CancelOrderTest {

  @RegisterExtension
  final OrdersFixture orders = OrdersFixture.holdingATicket();

  @Test
  void cancellingReleasesTheTicketAndTellsTicketsAndPayments() throws Exception {
    JsonObject reply = await(orders.cancelOrder(orders.buyer, orders.orderId()));

    assertEquals(new JsonObject(), reply);
    JsonObject order = await(orders.showOrder(orders.buyer, orders.orderId()));
    assertEquals("cancelled", order.getString("status"));
    assertEquals(1L, order.getLong("version"));
    await(orders.delivered(orders.orderId()));
    JsonObject stored = await(orders.stored(orders.orderId()));
    assertFalse(stored.containsKey("ticketHold"), "the ticket is released");
    assertFalse(stored.containsKey("userHold"), "the hold slot is released");
    for (ConsumerGroup group : new ConsumerGroup[] {ConsumerGroup.TICKETS, ConsumerGroup.PAYMENTS}) {
      assertEquals(1, orders.events.about(orders.orderId(), Subject.ORDER_CANCELLED, group).size());
      assertEquals(new OrderCancelled(orders.orderId(), 1, orders.ticketId()),
          OrderCancelled.fromJson(orders.events.about(orders.orderId(), Subject.ORDER_CANCELLED, group).get(0)));
    }
  }

  @Test
  void cancellingTwiceSucceedsWithOneEvent() throws Exception {
    await(orders.cancelOrder(orders.buyer, orders.orderId()));
    await(orders.delivered(orders.orderId()));

    await(orders.cancelOrder(orders.buyer, orders.orderId()));

    JsonObject stored = await(orders.stored(orders.orderId()));
    assertEquals(1L, stored.getLong("version"), "no second change");
    assertTrue(stored.getJsonArray("outbox").isEmpty(), "no second event");
    assertEquals(1, orders.events.about(orders.orderId(), Subject.ORDER_CANCELLED, ConsumerGroup.TICKETS).size());
  }

  @Test
  void aCompleteOrderCannotBeCancelled() throws Exception {
    await(orders.publish(new PaymentCreated(OrdersFixture.newId(), orders.orderId(), "pi_123")));

    ApiException refused = await(orders.refusal(Command.CANCEL_ORDER, orders.buyer, cancelling(orders.orderId())));

    assertEquals(400, refused.status());
    assertEquals("Cannot cancel a complete order", refused.errors().get(0).message());
    assertEquals("complete", await(orders.showOrder(orders.buyer, orders.orderId())).getString("status"));
  }

  @Test
  void onlyTheBuyerCancelsAndOnlyOrdersThatExist() throws Exception {
    assertEquals("403 You do not own this order",
        status(await(orders.refusal(Command.CANCEL_ORDER, OrdersFixture.newId(), cancelling(orders.orderId())))));
    assertEquals("404 Order not found",
        status(await(orders.refusal(Command.CANCEL_ORDER, orders.buyer, cancelling(OrdersFixture.newId())))));
    assertEquals("404 Order not found", status(await(orders.refusal(Command.CANCEL_ORDER, orders.buyer, cancelling("nope")))));
    assertEquals(401, await(orders.refusal(Command.CANCEL_ORDER, null, cancelling(orders.orderId()))).status());

    assertEquals("created", await(orders.showOrder(orders.buyer, orders.orderId())).getString("status"));
  }

  private static JsonObject cancelling(String orderId) {
    return new JsonObject().put("id", orderId);
  }

  private static String status(ApiException refused) {
    return refused.status() + " " + refused.errors().get(0).message();
  }
}
