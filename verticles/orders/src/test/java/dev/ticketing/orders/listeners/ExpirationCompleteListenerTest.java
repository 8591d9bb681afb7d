package dev.ticketing.orders.listeners;

import static dev.ticketing.platform.testing.Blocking.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.ticketing.contracts.events.ConsumerGroup;
import dev.ticketing.contracts.events.ExpirationComplete;
import dev.ticketing.contracts.events.OrderCancelled;
import dev.ticketing.contracts.events.PaymentCreated;
import dev.ticketing.contracts.events.Subject;
import dev.ticketing.orders.testing.OrdersFixture;
import dev.ticketing.platform.delivery.EventListener;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The expiration service's notice that an order's window is over: unpaid orders are cancelled, once. */
class ExpirationCompleteListenerTest {

  @RegisterExtension
  final OrdersFixture orders = OrdersFixture.holdingATicket();

  @Test
  void anUnpaidOrderPastItsExpiryIsCancelledAndItsTicketReleased() throws Exception {
    orders.clock.advance(OrdersFixture.WINDOW);

    JsonObject reply = await(orders.publish(new ExpirationComplete(orders.orderId())));

    assertEquals("APPLIED", reply.getString("outcome"));
    await(orders.delivered(orders.orderId()));
    JsonObject stored = await(orders.stored(orders.orderId()));
    assertEquals("cancelled", stored.getString("status"));
    assertEquals(1L, stored.getLong("version"));
    assertFalse(stored.containsKey("ticketHold"));
    assertEquals(new OrderCancelled(orders.orderId(), 1, orders.ticketId()),
        OrderCancelled.fromJson(orders.events.about(orders.orderId(), Subject.ORDER_CANCELLED, ConsumerGroup.TICKETS).get(0)));
  }

  @Test
  void aSecondNoticeIsADuplicateWithoutASecondEvent() throws Exception {
    orders.clock.advance(OrdersFixture.WINDOW.plusMinutes(5));
    await(orders.publish(new ExpirationComplete(orders.orderId())));

    JsonObject second = await(orders.publish(new ExpirationComplete(orders.orderId())));

    assertEquals("DUPLICATE", second.getString("outcome"));
    await(orders.delivered(orders.orderId()));
    assertEquals(1L, await(orders.stored(orders.orderId())).getLong("version"));
    assertEquals(1, orders.events.about(orders.orderId(), Subject.ORDER_CANCELLED, ConsumerGroup.TICKETS).size());
  }

  @Test
  void expiryNeverCancelsACompleteOrder() throws Exception {
    await(orders.publish(new PaymentCreated(OrdersFixture.newId(), orders.orderId(), "pi_1")));
    orders.clock.advance(OrdersFixture.WINDOW.plusHours(1));

    JsonObject reply = await(orders.publish(new ExpirationComplete(orders.orderId())));

    assertEquals("DUPLICATE", reply.getString("outcome"));
    JsonObject order = await(orders.showOrder(orders.buyer, orders.orderId()));
    assertEquals("complete", order.getString("status"));
    assertEquals(1L, order.getLong("version"));
  }

  @Test
  void anEarlyNoticeIsRefusedAndAppliedWhenItComesAgainInTime() throws Exception {
    orders.clock.advance(OrdersFixture.WINDOW.minusSeconds(2));

    assertEquals(EventListener.OUT_OF_ORDER, await(orders.refusedCode(new ExpirationComplete(orders.orderId()))));
    assertEquals("created", await(orders.showOrder(orders.buyer, orders.orderId())).getString("status"));
    // Within the clock-skew tolerance of one second: honoured.
    orders.clock.advance(Duration.ofMillis(1500));
    assertEquals("APPLIED", await(orders.publish(new ExpirationComplete(orders.orderId()))).getString("outcome"));
  }

  @Test
  void aNoticeForAnOrderNotStoredYetIsRefused() throws Exception {
    assertEquals(EventListener.OUT_OF_ORDER, await(orders.refusedCode(new ExpirationComplete(OrdersFixture.newId()))));
  }
}
