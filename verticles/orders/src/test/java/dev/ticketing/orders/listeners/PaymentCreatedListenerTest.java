package dev.ticketing.orders.listeners;

import static dev.ticketing.platform.testing.Blocking.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.contracts.commands.Command;
import dev.ticketing.contracts.errors.ApiException;
import dev.ticketing.contracts.events.ConsumerGroup;
import dev.ticketing.contracts.events.OrderCompleted;
import dev.ticketing.contracts.events.PaymentCreated;
import dev.ticketing.contracts.events.Subject;
import dev.ticketing.orders.testing.OrdersFixture;
import dev.ticketing.platform.delivery.EventListener;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Payments' news that an order was paid: the order completes and its ticket is sold, once. */
class PaymentCreatedListenerTest {

  // A cap of one unpaid order shows that paying frees the buyer's hold slot.
  @RegisterExtension
  final OrdersFixture orders = OrdersFixture.holdingATicket(1);
  private final String paymentId = OrdersFixture.newId();

  @Test
  void aPaymentCompletesTheOrderAndTheTicketIsSold() throws Exception {
    JsonObject reply = await(orders.publish(new PaymentCreated(paymentId, orders.orderId(), "pi_123")));

    assertEquals("APPLIED", reply.getString("outcome"));
    await(orders.delivered(orders.orderId()));
    JsonObject stored = await(orders.stored(orders.orderId()));
    assertEquals("complete", stored.getString("status"));
    assertEquals(1L, stored.getLong("version"));
    assertEquals(new JsonObject().put("id", paymentId).put("stripeId", "pi_123"), stored.getJsonObject("payment"));
    assertEquals(orders.ticketId(), stored.getString("ticketHold"), "a sold ticket stays held");
    assertFalse(stored.containsKey("userHold"), "a paid order no longer counts against the cap");
    assertEquals(new OrderCompleted(orders.orderId(), 1, orders.ticketId()),
        OrderCompleted.fromJson(orders.events.about(orders.orderId(), Subject.ORDER_COMPLETED, ConsumerGroup.TICKETS).get(0)));
    ApiException refused = await(orders.refusal(Command.CREATE_ORDER, OrdersFixture.newId(),
        new JsonObject().put("ticketId", orders.ticketId())));
    assertEquals("Ticket is already reserved", refused.errors().get(0).message());
    String other = await(orders.listTicket("Ballet", 1500, orders.seller));
    assertEquals("created", await(orders.createOrder(orders.buyer, other)).getString("status"));
  }

  @Test
  void aRedeliveredPaymentIsADuplicate() throws Exception {
    PaymentCreated payment = new PaymentCreated(paymentId, orders.orderId(), "pi_123");
    await(orders.publish(payment));

    JsonObject second = await(orders.publish(payment));

    assertEquals("DUPLICATE", second.getString("outcome"));
    await(orders.delivered(orders.orderId()));
    assertEquals(1L, await(orders.stored(orders.orderId())).getLong("version"));
    assertEquals(1, orders.events.about(orders.orderId(), Subject.ORDER_COMPLETED, ConsumerGroup.TICKETS).size());
  }

  @Test
  void aPaymentForACancelledOrderLeavesItCancelled() throws Exception {
    await(orders.cancelOrder(orders.buyer, orders.orderId()));

    JsonObject reply = await(orders.publish(new PaymentCreated(paymentId, orders.orderId(), "pi_late")));

    assertEquals("OBSOLETE", reply.getString("outcome"), "so payments refunds it");
    JsonObject stored = await(orders.stored(orders.orderId()));
    assertEquals("cancelled", stored.getString("status"));
    assertEquals(1L, stored.getLong("version"));
    assertFalse(stored.containsKey("payment"));
    assertTrue(orders.events.about(orders.orderId(), Subject.ORDER_COMPLETED, ConsumerGroup.TICKETS).isEmpty());
  }

  @Test
  void aPaymentForAnOrderNotStoredYetIsRefused() throws Exception {
    assertEquals(EventListener.OUT_OF_ORDER, await(orders.refusedCode(new PaymentCreated(paymentId, OrdersFixture.newId(), "pi_123"))));
  }
}
