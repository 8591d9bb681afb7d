package dev.ticketing.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.ticketing.contracts.commands.Service;
import dev.ticketing.contracts.events.OrderCreated;
import dev.ticketing.payments.support.PaymentsTestBase;
import dev.ticketing.platform.delivery.EventListener;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;

/** The replica of orders: every listener applies, acknowledges duplicates without effect, refuses gaps. */
class OrderReplicaListenersTest extends PaymentsTestBase {

  @Test
  void anOrderCreatedIsStoredAsPayable(Vertx vertx, VertxTestContext test) {
    OrderCreated created = order(newOrderId(), BUYER, 2050);
    deliver(vertx, created)
        .compose(outcome -> {
          test.verify(() -> assertEquals("APPLIED", outcome));
          return stored(created.id());
        })
        .onComplete(test.succeeding(order -> test.verify(() -> {
          assertEquals(0L, order.getLong("version"));
          assertEquals("created", order.getString("status"));
          assertEquals(BUYER, order.getString("userId"));
          assertEquals(2050L, order.getLong("price"));
          assertEquals(created.expiresAt().toString(), order.getString("expiresAt"));
          assertEquals(0, order.getInteger("declines"));
          assertFalse(order.containsKey("payment"));
          test.completeNow();
        })));
  }

  @Test
  void aRepeatedOrderCreatedIsAcknowledgedWithoutOverwriting(Vertx vertx, VertxTestContext test) {
    OrderCreated created = order(newOrderId(), BUYER, 2050);
    OrderCreated tampered = new OrderCreated(created.id(), 0, "created", STRANGER, created.expiresAt(), created.ticketId(), 1, 0);
    deliver(vertx, created)
        .compose(first -> deliver(vertx, tampered))
        .compose(again -> {
          test.verify(() -> assertEquals("DUPLICATE", again));
          return stored(created.id());
        })
        .onComplete(test.succeeding(order -> test.verify(() -> {
          assertEquals(BUYER, order.getString("userId"));
          assertEquals(2050L, order.getLong("price"));
          test.completeNow();
        })));
  }

  @Test
  void aCancellationMarksTheOrderCancelledOnce(Vertx vertx, VertxTestContext test) {
    String orderId = newOrderId();
    deliver(vertx, order(orderId, BUYER, 1000))
        .compose(created -> cancel(vertx, orderId, 1))
        .compose(first -> {
          test.verify(() -> assertEquals("APPLIED", first));
          return cancel(vertx, orderId, 1);
        })
        .compose(again -> {
          test.verify(() -> assertEquals("DUPLICATE", again));
          return stored(orderId);
        })
        .onComplete(test.succeeding(order -> test.verify(() -> {
          assertEquals("cancelled", order.getString("status"));
          assertEquals(1L, order.getLong("version"));
          assertEquals(0, provider.refunds.size(), "nothing was paid, so nothing is refunded");
          test.completeNow();
        })));
  }

  @Test
  void aCancellationBeforeItsOrderIsRefusedThenAppliedOnceTheOrderArrives(Vertx vertx, VertxTestContext test) {
    String orderId = newOrderId();
    refused(cancel(vertx, orderId, 1))
        .compose(code -> {
          test.verify(() -> assertEquals(EventListener.OUT_OF_ORDER, code));
          return stored(orderId);
        })
        .compose(nothing -> {
          test.verify(() -> assertEquals(null, nothing, "a refused event leaves no trace"));
          return deliver(vertx, order(orderId, BUYER, 1000));
        })
        .compose(created -> cancel(vertx, orderId, 1))
        .compose(redelivered -> {
          test.verify(() -> assertEquals("APPLIED", redelivered));
          return stored(orderId);
        })
        .onComplete(test.succeeding(order -> test.verify(() -> {
          assertEquals("cancelled", order.getString("status"));
          test.completeNow();
        })));
  }

  @Test
  void aCancellationThatSkipsAVersionIsRefused(Vertx vertx, VertxTestContext test) {
    String orderId = newOrderId();
    deliver(vertx, order(orderId, BUYER, 1000))
        .compose(created -> refused(cancel(vertx, orderId, 2)))
        .compose(code -> {
          test.verify(() -> assertEquals(EventListener.OUT_OF_ORDER, code));
          return stored(orderId);
        })
        .onComplete(test.succeeding(order -> test.verify(() -> {
          assertEquals("created", order.getString("status"));
          assertEquals(0L, order.getLong("version"));
          test.completeNow();
        })));
  }

  @Test
  void theServiceAnswersTheGatewaysReadinessPing(Vertx vertx, VertxTestContext test) {
    vertx.eventBus().<JsonObject>request(Service.PAYMENTS.pingAddress(), new JsonObject())
        .onComplete(test.succeeding(reply -> test.verify(() -> {
          assertEquals("UP", reply.body().getString("status"));
          test.completeNow();
        })));
  }
}
