package dev.ticketing.payments;

import static dev.ticketing.platform.testing.Blocking.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.ticketing.contracts.commands.Service;
import dev.ticketing.contracts.events.EventPayload;
import dev.ticketing.contracts.events.OrderCancelled;
import dev.ticketing.contracts.events.OrderCompleted;
import dev.ticketing.contracts.events.OrderCreated;
import dev.ticketing.payments.domain.PaymentOrder;
import dev.ticketing.payments.support.PaymentsTestBase;
import dev.ticketing.platform.delivery.EventListener;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The replica of orders: every listener applies, acknowledges duplicates without effect, refuses
 * gaps. The two endings keep one contract, tested once for both.
 */
class OrderReplicaListenersTest extends PaymentsTestBase {

  private static final String TICKET = newOrderId();

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

  /** The two events that end an order, as this replica receives them. */
  enum Ending {
    CANCELLED(PaymentOrder.CANCELLED, OrderCancelled::new),
    COMPLETED(PaymentOrder.COMPLETE, OrderCompleted::new);

    final String status;
    private final EndingEvent event;

    Ending(String status, EndingEvent event) {
      this.status = status;
      this.event = event;
    }

    EventPayload of(String orderId, long version) {
      return event.of(orderId, version, TICKET);
    }
  }

  @FunctionalInterface
  private interface EndingEvent {
    EventPayload of(String orderId, long version, String ticketId);
  }

  @ParameterizedTest
  @EnumSource(Ending.class)
  void anEndingAppliesOnceAndADuplicateChangesNothing(Ending ending) throws Exception {
    String orderId = newOrderId();
    deliver(order(orderId, BUYER, 1000));

    assertEquals("APPLIED", deliver(ending.of(orderId, 1)));
    assertEquals("DUPLICATE", deliver(ending.of(orderId, 1)));

    JsonObject order = stored(orderId);
    assertEquals(ending.status, order.getString("status"));
    assertEquals(1L, order.getLong("version"));
  }

  @ParameterizedTest
  @EnumSource(Ending.class)
  void anEndingBeforeItsOrderIsRefusedThenAppliedOnceTheOrderArrives(Ending ending) throws Exception {
    String orderId = newOrderId();

    assertEquals(EventListener.OUT_OF_ORDER, deliverRefused(ending.of(orderId, 1)));
    assertEquals(null, stored(orderId), "a refused event leaves no trace");

    deliver(order(orderId, BUYER, 1000));
    assertEquals("APPLIED", deliver(ending.of(orderId, 1)), "the ending, redelivered");
    assertEquals(ending.status, stored(orderId).getString("status"));
  }

  @ParameterizedTest
  @EnumSource(Ending.class)
  void anEndingThatSkipsAVersionIsRefused(Ending ending) throws Exception {
    String orderId = newOrderId();
    deliver(order(orderId, BUYER, 1000));

    assertEquals(EventListener.OUT_OF_ORDER, deliverRefused(ending.of(orderId, 2)));

    JsonObject order = stored(orderId);
    assertEquals("created", order.getString("status"));
    assertEquals(0L, order.getLong("version"));
  }

  @Test
  void cancellingAnUnpaidOrderRefundsNothing() throws Exception {
    String orderId = newOrderId();
    deliver(order(orderId, BUYER, 1000));

    assertEquals("APPLIED", cancel(orderId, 1));

    assertEquals(0, provider.refunds.size(), "nothing was paid, so nothing is refunded");
  }

  @Test
  void theServiceAnswersTheGatewaysReadinessPing(Vertx vertx) throws Exception {
    Message<JsonObject> reply = await(vertx.eventBus().request(Service.PAYMENTS.pingAddress(), new JsonObject()));

    assertEquals("UP", reply.body().getString("status"));
  }
}
