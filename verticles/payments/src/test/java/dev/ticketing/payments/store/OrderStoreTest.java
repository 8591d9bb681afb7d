package dev.ticketing.payments.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.contracts.events.OrderCancelled;
import dev.ticketing.contracts.events.OrderCreated;
import dev.ticketing.payments.domain.Payment;
import dev.ticketing.payments.domain.PaymentOrder;
import dev.ticketing.platform.delivery.Outbox;
import dev.ticketing.platform.delivery.OutboxRelay;
import dev.ticketing.platform.delivery.RelaySettings;
import dev.ticketing.platform.mongo.DueKeys;
import dev.ticketing.platform.mongo.Mongo;
import dev.ticketing.platform.testing.EmbeddedMongo;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Instant;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The writes that keep a payment with its order, and the due indexes that find what is left to do. */
@ExtendWith(VertxExtension.class)
class OrderStoreTest {

  private EmbeddedMongo server;
  private MongoClient mongo;
  private OrderStore orders;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext test) {
    server = new EmbeddedMongo();
    mongo = Mongo.client(vertx, server.settings("payments"));
    // A relay that never starts: these tests read what the writes leave for it.
    orders = new OrderStore(mongo, new OutboxRelay(vertx, mongo, OrderStore.ORDERS, RelaySettings.defaults()));
    orders.createIndexes().onComplete(test.succeedingThenComplete());
  }

  @AfterEach
  void stop() {
    mongo.close();
    server.close();
  }

  @Test
  void aPaymentForALiveOrderIsRecordedWithItsEventInOneWrite(VertxTestContext test) {
    String orderId = new ObjectId().toHexString();
    orders.applyCreated(created(orderId))
        .compose(applied -> orders.beginAttempt(orderId, 1_000))
        .compose(attempt -> orders.find(orderId))
        .compose(order -> {
          test.verify(() -> assertTrue(order.attemptOpen()));
          return orders.recordPayment(order, Payment.of(orderId, "pi_1", Instant.now()));
        })
        .compose(stored -> mongo.findOne(OrderStore.ORDERS, new JsonObject().put("_id", orderId), null))
        .onComplete(test.succeeding(document -> test.verify(() -> {
          assertEquals("pi_1", document.getJsonObject("payment").getString("stripeId"));
          assertFalse(document.containsKey("attemptKey"), "the attempt is closed by the same write");
          assertEquals(1, document.getJsonArray(Outbox.FIELD).size());
          assertEquals("payment:created", document.getJsonArray(Outbox.FIELD).getJsonObject(0).getString("subject"));
          test.completeNow();
        })));
  }

  @Test
  void aCancellationThatMovedTheReplicaMakesThePaymentOweItsRefundInstead(VertxTestContext test) {
    String orderId = new ObjectId().toHexString();
    orders.applyCreated(created(orderId))
        .compose(applied -> orders.find(orderId)) // read while live...
        .compose(live -> orders.applyCancelled(new OrderCancelled(orderId, 1, "t1")) // ...cancelled before the write
            .compose(cancelled -> orders.recordPayment(live, Payment.of(orderId, "pi_2", Instant.now()))))
        .compose(stored -> {
          test.verify(() -> {
            assertTrue(stored.owesRefund());
            assertEquals(PaymentOrder.CANCELLED, stored.status());
          });
          return orders.owedRefunds().due(System.currentTimeMillis() + 1, 10);
        })
        .compose(due -> {
          test.verify(() -> assertEquals(orderId, due.get(0).id()));
          return mongo.findOne(OrderStore.ORDERS, new JsonObject().put("_id", orderId), null);
        })
        .onComplete(test.succeeding(document -> test.verify(() -> {
          assertTrue(document.getJsonArray(Outbox.FIELD, new io.vertx.core.json.JsonArray()).isEmpty(),
              "nobody is told a cancelled order was paid");
          test.completeNow();
        })));
  }

  @Test
  void anOpenAttemptIsDueForTheReconcilerAtItsTimeAndNotBefore(VertxTestContext test) {
    String orderId = new ObjectId().toHexString();
    orders.applyCreated(created(orderId))
        .compose(applied -> orders.beginAttempt(orderId, 5_000))
        .compose(attempt -> {
          test.verify(() -> assertEquals(1L, attempt));
          return orders.openAttempts().due(4_999, 10);
        })
        .compose(early -> {
          test.verify(() -> assertTrue(early.isEmpty()));
          return orders.openAttempts().due(5_000, 10);
        })
        .compose(due -> {
          test.verify(() -> assertEquals(1, due.size()));
          return orders.recordDecline(orderId);
        })
        .compose(declined -> orders.openAttempts().due(Long.MAX_VALUE / 2, 10))
        .onComplete(test.succeeding(after -> test.verify(() -> {
          assertTrue(after.isEmpty(), "a recorded outcome closes the attempt");
          assertEquals(DueKeys.key(5_000, orderId).length(), 13 + 1 + 24);
          test.completeNow();
        })));
  }

  private static OrderCreated created(String orderId) {
    return new OrderCreated(orderId, 0, "created", "buyer", Instant.now().plusSeconds(900), "t1", 1000, 0);
  }
}
