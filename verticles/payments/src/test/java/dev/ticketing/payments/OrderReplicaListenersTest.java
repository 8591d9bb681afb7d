package dev.ticketing.payments;

import static dev.ticketing.platform.testing.Blocking.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.ticketing.contracts.commands.Service;
import dev.ticketing.contracts.events.OrderCreated;
import dev.ticketing.payments.support.PaymentsTestBase;
import dev.ticketing.platform.delivery.EventListener;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** The replica of orders: every listener applies, acknowledges duplicates without effect, refuses gaps. */
class OrderReplicaListenersTest extends PaymentsTestBase {

  @Test
  void anOrderCreatedIsStoredAsPayable() throws Exception {
    OrderCreated created = order(newOrderId(), BUYER, 2050);

    assertEquals("APPLIED", deliver(created));

    JsonObject order = stored(created.id());
    assertEquals(0L, order.getLong("version"));
    assertEquals("created", order.getString("status"));
    assertEquals(BUYER, order.getString("userId"));
    assertEquals(2050L, order.getLong("price"));
    assertEquals(created.expiresAt().toString(), order.getString("expiresAt"));
    assertEquals(0, order.getInteger("declines"));
    assertFalse(order.containsKey("payment"));
  }

  @Test
  void aRepeatedOrderCreatedIsAcknowledgedWithoutOverwriting() throws Exception {
    OrderCreated created = order(newOrderId(), BUYER, 2050);
    OrderCreated tampered = new OrderCreated(created.id(), 0, "created", STRANGER, created.expiresAt(), created.ticketId(), 1, 0);
    deliver(created);

    assertEquals("DUPLICATE", deliver(tampered));

    JsonObject order = stored(created.id());
    assertEquals(BUYER, order.getString("userId"));
    assertEquals(2050L, order.getLong("price"));
  }

  @Test
  void aCancellationMarksTheOrderCancelledOnce() throws Exception {
    String orderId = newOrderId();
    deliver(order(orderId, BUYER, 1000));

    assertEquals("APPLIED", cancel(orderId, 1));
    assertEquals("DUPLICATE", cancel(orderId, 1));

    JsonObject order = stored(orderId);
    assertEquals("cancelled", order.getString("status"));
    assertEquals(1L, order.getLong("version"));
    assertEquals(0, provider.refunds.size(), "nothing was paid, so nothing is refunded");
  }

  @Test
  void aCancellationBeforeItsOrderIsRefusedThenAppliedOnceTheOrderArrives() throws Exception {
    String orderId = newOrderId();

    assertEquals(EventListener.OUT_OF_ORDER, cancelRefused(orderId, 1));
    assertEquals(null, stored(orderId), "a refused event leaves no trace");

    deliver(order(orderId, BUYER, 1000));
    assertEquals("APPLIED", cancel(orderId, 1)); // the cancellation, redelivered
    assertEquals("cancelled", stored(orderId).getString("status"));
  }

  @Test
  void aCancellationThatSkipsAVersionIsRefused() throws Exception {
    String orderId = newOrderId();
    deliver(order(orderId, BUYER, 1000));

    assertEquals(EventListener.OUT_OF_ORDER, cancelRefused(orderId, 2));

    JsonObject order = stored(orderId);
    assertEquals("created", order.getString("status"));
    assertEquals(0L, order.getLong("version"));
  }

  @Test
  void theServiceAnswersTheGatewaysReadinessPing(Vertx vertx) throws Exception {
    Message<JsonObject> reply = await(vertx.eventBus().request(Service.PAYMENTS.pingAddress(), new JsonObject()));

    assertEquals("UP", reply.body().getString("status"));
  }
}
