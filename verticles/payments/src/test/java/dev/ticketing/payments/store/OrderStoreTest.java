package dev.ticketing.payments.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.contracts.events.OrderCancelled;
import dev.ticketing.contracts.events.OrderCreated;
import dev.ticketing.contracts.events.PaymentCreated;
import dev.ticketing.payments.domain.Payment;
import dev.ticketing.payments.domain.PaymentOrder;
import dev.ticketing.payments.domain.Refund;
import dev.ticketing.platform.mongo.Mongo;
import dev.ticketing.platform.testing.EmbeddedMongo;
import io.vertx.core.Future;
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

/** The conditional writes that keep one payment per order and find what still owes a refund. */
@ExtendWith(VertxExtension.class)
class OrderStoreTest {

  private EmbeddedMongo server;
  private MongoClient mongo;
  private OrderStore orders;

  @BeforeEach
  void start(Vertx vertx) {
    server = new EmbeddedMongo();
    mongo = Mongo.client(vertx, server.settings("payments"));
    orders = new OrderStore(mongo);
  }

  @AfterEach
  void stop() {
    mongo.close();
    server.close();
  }

  @Test
  void aSecondPaymentNeverReplacesTheFirst(VertxTestContext test) {
    String orderId = placed();
    Payment first = payment("pi_first");
    Payment second = payment("pi_second");
    orders.applyCreated(created(orderId))
        .compose(applied -> orders.recordPayment(orderId, first, event(orderId, first)))
        .compose(stored -> {
          test.verify(() -> {
            assertEquals(first, stored.payment());
            assertFalse(stored.cancelled());
          });
          return orders.recordPayment(orderId, second, event(orderId, second));
        })
        .compose(stored -> {
          test.verify(() -> assertEquals(first, stored.payment(), "the first payment stays; the caller sees it"));
          return mongo.findOne(OrderStore.ORDERS, new JsonObject().put("_id", orderId), null);
        })
        .onComplete(test.succeeding(document -> test.verify(() -> {
          assertEquals(1, document.getJsonArray("outbox").size(), "one PaymentCreated, for the one payment");
          test.completeNow();
        })));
  }

  @Test
  void aPaymentOfACancelledOrderIsRecordedWithoutAnnouncingIt(VertxTestContext test) {
    String orderId = placed();
    Payment late = payment("pi_late");
    orders.applyCreated(created(orderId))
        .compose(applied -> orders.applyCancelled(new OrderCancelled(orderId, 1, "t")))
        .compose(cancelled -> orders.recordPayment(orderId, late, event(orderId, late)))
        .compose(stored -> {
          test.verify(() -> {
            assertEquals(late, stored.payment());
            assertTrue(stored.owesRefund());
          });
          return mongo.findOne(OrderStore.ORDERS, new JsonObject().put("_id", orderId), null);
        })
        .onComplete(test.succeeding(document -> test.verify(() -> {
          assertNull(document.getJsonArray("outbox"), "nothing to tell the orders service");
          test.completeNow();
        })));
  }

  @Test
  void aDeclineIsCountedOncePerAttempt(VertxTestContext test) {
    String orderId = placed();
    orders.applyCreated(created(orderId))
        .compose(applied -> orders.recordDecline(orderId, 0))
        .compose(first -> {
          test.verify(() -> assertTrue(first));
          return orders.recordDecline(orderId, 0); // the twin of the same attempt
        })
        .compose(twin -> {
          test.verify(() -> assertFalse(twin));
          return orders.find(orderId);
        })
        .onComplete(test.succeeding(order -> test.verify(() -> {
          assertEquals(1, order.declines());
          test.completeNow();
        })));
  }

  @Test
  void onlyCancelledPaidUnrefundedOrdersOweARefund(VertxTestContext test) {
    String unpaid = placed();
    String paidLive = placed();
    String owing = placed();
    String refunded = placed();
    Future.all(orders.applyCreated(created(unpaid)), orders.applyCreated(created(paidLive)),
            orders.applyCreated(created(owing)), orders.applyCreated(created(refunded)))
        .compose(all -> Future.all(
            orders.recordPayment(paidLive, payment("pi_1"), event(paidLive, payment("pi_1"))),
            orders.recordPayment(owing, payment("pi_2"), event(owing, payment("pi_2"))),
            orders.recordPayment(refunded, payment("pi_3"), event(refunded, payment("pi_3")))))
        .compose(all -> Future.all(
            orders.applyCancelled(new OrderCancelled(unpaid, 1, "t")),
            orders.applyCancelled(new OrderCancelled(owing, 1, "t")),
            orders.applyCancelled(new OrderCancelled(refunded, 1, "t"))))
        .compose(all -> orders.recordRefund(refunded, new Refund("re_1", Instant.now())))
        .compose(recorded -> {
          test.verify(() -> assertTrue(recorded));
          return orders.recordRefund(refunded, new Refund("re_2", Instant.now()));
        })
        .compose(again -> {
          test.verify(() -> assertFalse(again, "a refund is recorded once"));
          return orders.owingRefunds(100);
        })
        .onComplete(test.succeeding(found -> test.verify(() -> {
          assertEquals(1, found.size());
          PaymentOrder order = found.get(0);
          assertEquals(owing, order.id());
          assertEquals("pi_2", order.payment().stripeId());
          test.completeNow();
        })));
  }

  private static String placed() {
    return new ObjectId().toHexString();
  }

  private static OrderCreated created(String orderId) {
    return new OrderCreated(orderId, 0, "created", "u1", Instant.now().plusSeconds(600), "t", 1000);
  }

  private static Payment payment(String stripeId) {
    return new Payment(new ObjectId().toHexString(), stripeId, Instant.parse("2026-01-01T00:00:00Z"));
  }

  private static PaymentCreated event(String orderId, Payment payment) {
    return new PaymentCreated(payment.id(), orderId, payment.stripeId());
  }
}
