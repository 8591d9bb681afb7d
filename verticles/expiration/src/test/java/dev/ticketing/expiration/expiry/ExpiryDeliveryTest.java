package dev.ticketing.expiration.expiry;

import static dev.ticketing.expiration.ExpirationFixtures.fastConfig;
import static dev.ticketing.expiration.ExpirationFixtures.forgotten;
import static dev.ticketing.expiration.ExpirationFixtures.newOrderId;
import static dev.ticketing.expiration.ExpirationFixtures.orderCreated;
import static dev.ticketing.expiration.ExpirationFixtures.score;
import static dev.ticketing.expiration.ExpirationFixtures.sendOrderCreated;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.contracts.commands.Service;
import dev.ticketing.expiration.Deliveries;
import dev.ticketing.expiration.ExpirationVerticle;
import dev.ticketing.expiration.store.ExpirationSchedule;
import dev.ticketing.platform.testing.Eventually;
import dev.ticketing.platform.testing.RedisServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.redis.client.RedisAPI;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Due orders reach the orders service, leave Redis only once acknowledged, and are retried until then. */
@ExtendWith(VertxExtension.class)
class ExpiryDeliveryTest {

  @RegisterExtension
  final RedisServer redisServer = new RedisServer();
  private RedisAPI redis;
  private ExpirationVerticle expiration;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext test) {
    redis = redisServer.client(vertx);
    expiration = new ExpirationVerticle(fastConfig(redisServer));
    vertx.deployVerticle(expiration).onComplete(test.succeedingThenComplete());
  }

  @Test
  void answersTheGatewaysReadinessPingWhileRedisAnswers(Vertx vertx, VertxTestContext test) {
    vertx.eventBus().<JsonObject>request(Service.EXPIRATION.pingAddress(), new JsonObject())
        .onComplete(test.succeeding(reply -> test.verify(() -> {
          assertEquals("UP", reply.body().getString("status"));
          test.completeNow();
        })));
  }

  @Test
  void aDueOrderIsSentAndForgottenOnlyAfterItsAcknowledgementWhileALaterOneWaits(Vertx vertx, VertxTestContext test) {
    String later = newOrderId();
    String due = newOrderId();
    // The consumer looks at Redis before it acknowledges: the order must still be there, claimed.
    Deliveries orders = Deliveries.deciding((orderId, attempt) -> score(redis, ExpirationSchedule.CLAIMED, orderId)
        .compose(claimed -> claimed != null ? Future.succeededFuture() : Future.failedFuture("not claimed while unacknowledged")));
    orders.register(vertx)
        // Scheduled first, so every poll that can claim the due order also sees the later one.
        .compose(registered -> sendOrderCreated(vertx, orderCreated(later, 0, Instant.now().plusSeconds(3600))))
        .compose(scheduled -> sendOrderCreated(vertx, orderCreated(due, 0, Instant.now().minusMillis(1))))
        .compose(scheduled -> Eventually.await(vertx, 10_000, "the due order to be acknowledged and forgotten",
            () -> forgotten(redis, due).map(gone -> gone && orders.of(due) > 0)))
        .compose(delivered -> score(redis, ExpirationSchedule.DUE, later))
        .onComplete(test.succeeding(laterDue -> test.verify(() -> {
          assertEquals(1, orders.of(due), "acknowledged the first time");
          assertEquals(0, orders.of(later), "not sent before it is due");
          assertNotNull(laterDue, "still scheduled");
          assertEquals(1, expiration.stats().acknowledged());
          assertEquals(0, expiration.stats().failed());
          test.completeNow();
        })));
  }

  @Test
  void aRefusedOrderIsSentAgainAfterItsLeaseAndForgottenOnlyWhenAcknowledged(Vertx vertx, VertxTestContext test) {
    String orderId = newOrderId();
    Deliveries orders = Deliveries.deciding((id, attempt) -> attempt == 1
        ? Future.failedFuture("orders database unavailable")
        : score(redis, ExpirationSchedule.CLAIMED, id).compose(claimed -> claimed != null
            ? Future.succeededFuture() : Future.failedFuture("the refused order was not kept claimed")));
    orders.register(vertx)
        .compose(registered -> sendOrderCreated(vertx, orderCreated(orderId, 0, Instant.now())))
        .compose(scheduled -> Eventually.await(vertx, 10_000, "the order to be acknowledged and forgotten",
            () -> forgotten(redis, orderId).map(gone -> gone && orders.of(orderId) >= 2)))
        .onComplete(test.succeeding(done -> test.verify(() -> {
          assertEquals(2, orders.of(orderId), "refused once, acknowledged the second time");
          assertEquals(1, expiration.stats().failed());
          assertEquals(1, expiration.stats().retried());
          assertEquals(1, expiration.stats().acknowledged());
          test.completeNow();
        })));
  }

  @Test
  void withNoConsumerNothingIsLostAndTheOrderIsDeliveredWhenOneRegisters(Vertx vertx, VertxTestContext test) {
    String orderId = newOrderId();
    Deliveries orders = Deliveries.acknowledging();
    sendOrderCreated(vertx, orderCreated(orderId, 0, Instant.now()))
        .compose(scheduled -> Eventually.await(vertx, 10_000, "a send with no consumer (NO_HANDLERS)",
            () -> Future.succeededFuture(expiration.stats().failed() >= 1)))
        .compose(failed -> score(redis, ExpirationSchedule.CLAIMED, orderId))
        .compose(claimed -> {
          test.verify(() -> assertNotNull(claimed, "kept, claimed, after the failed send"));
          return orders.register(vertx);
        })
        .compose(registered -> Eventually.await(vertx, 10_000, "delivery once the consumer is there",
            () -> forgotten(redis, orderId).map(gone -> gone && orders.of(orderId) == 1)))
        .onComplete(test.succeeding(done -> test.verify(() -> {
          assertEquals(1, orders.of(orderId));
          assertTrue(expiration.stats().retried() >= 1);
          test.completeNow();
        })));
  }
}
