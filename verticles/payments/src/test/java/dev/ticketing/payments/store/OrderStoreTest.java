package dev.ticketing.payments.store;

import static dev.ticketing.platform.testing.Blocking.await;
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
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.junit5.VertxExtension;
import java.time.Instant;
import java.util.List;
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
  void start(Vertx vertx) throws Exception {
    server = new EmbeddedMongo();
    mongo = Mongo.client(vertx, server.settings("payments"));
    // A relay that never starts: these tests read what the writes leave for it.
    orders = new OrderStore(mongo, new OutboxRelay(vertx, mongo, OrderStore.ORDERS, RelaySettings.defaults()));
    await(orders.createIndexes());
  }

  @AfterEach
  void stop() {
    mongo.close();
    server.close();
  }

  @Test
  void aPaymentForALiveOrderIsRecordedWithItsEventInOneWrite() throws Exception {
    String orderId = aLiveOrder();
    await(orders.beginAttempt(orderId, 1_000));
    PaymentOrder order = await(orders.find(orderId));
    assertTrue(order.attemptOpen());

    await(orders.recordPayment(order, Payment.of(orderId, "pi_1", Instant.now())));

    JsonObject document = document(orderId);
    assertEquals("pi_1", document.getJsonObject("payment").getString("stripeId"));
    assertFalse(document.containsKey("attemptKey"), "the attempt is closed by the same write");
    assertEquals(1, document.getJsonArray(Outbox.FIELD).size());
    assertEquals("payment:created", document.getJsonArray(Outbox.FIELD).getJsonObject(0).getString("subject"));
  }

  @Test
  void aCancellationThatMovedTheReplicaMakesThePaymentOweItsRefundInstead() throws Exception {
    String orderId = aLiveOrder();
    PaymentOrder live = await(orders.find(orderId)); // read while live...
    await(orders.applyCancelled(new OrderCancelled(orderId, 1, "t1"))); // ...cancelled before the write

    PaymentOrder stored = await(orders.recordPayment(live, Payment.of(orderId, "pi_2", Instant.now())));

    assertTrue(stored.owesRefund());
    assertEquals(PaymentOrder.CANCELLED, stored.status());
    List<DueKeys.Due> due = await(orders.owedRefunds().due(System.currentTimeMillis() + 1, 10));
    assertEquals(orderId, due.get(0).id());
    assertTrue(document(orderId).getJsonArray(Outbox.FIELD, new JsonArray()).isEmpty(),
        "nobody is told a cancelled order was paid");
  }

  @Test
  void anOpenAttemptIsDueForTheReconcilerAtItsTimeAndNotBefore() throws Exception {
    String orderId = aLiveOrder();

    assertEquals(1L, await(orders.beginAttempt(orderId, 5_000)));

    assertTrue(await(orders.openAttempts().due(4_999, 10)).isEmpty());
    assertEquals(1, await(orders.openAttempts().due(5_000, 10)).size());
    await(orders.recordDecline(orderId));
    assertTrue(await(orders.openAttempts().due(Long.MAX_VALUE / 2, 10)).isEmpty(), "a recorded outcome closes the attempt");
    assertEquals(DueKeys.key(5_000, orderId).length(), 13 + 1 + 24);
  }

  /** An order the replica holds as created and payable; its id. */
  private String aLiveOrder() throws Exception {
    String orderId = new ObjectId().toHexString();
    await(orders.applyCreated(new OrderCreated(orderId, 0, "created", "buyer", Instant.now().plusSeconds(900), "t1", 1000, 0)));
    return orderId;
  }

  /** The order's document as stored, with what the relay would send. */
  private JsonObject document(String orderId) throws Exception {
    return await(mongo.findOne(OrderStore.ORDERS, new JsonObject().put("_id", orderId), null));
  }
}
