package dev.ticketing.expiration.expiry;

import static dev.ticketing.expiration.ExpirationFixtures.fastConfig;
import static dev.ticketing.expiration.ExpirationFixtures.forgotten;
import static dev.ticketing.expiration.ExpirationFixtures.newOrderId;
import static dev.ticketing.expiration.ExpirationFixtures.orderCreated;
import static dev.ticketing.expiration.ExpirationFixtures.score;
import static dev.ticketing.expiration.ExpirationFixtures.sendOrderCreated;
import static dev.ticketing.platform.testing.Blocking.await;
import static dev.ticketing.platform.testing.Blocking.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.contracts.commands.Service;
import dev.ticketing.expiration.Deliveries;
import dev.ticketing.expiration.ExpirationVerticle;
import dev.ticketing.expiration.store.ExpirationSchedule;
import dev.ticketing.platform.testing.RedisServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.redis.client.RedisAPI;
import java.time.Duration;
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
  void start(Vertx vertx) throws Exception {
    redis = redisServer.client(vertx);
    expiration = new ExpirationVerticle(fastConfig(redisServer));
    await(vertx.deployVerticle(expiration));
  }

  @Test
  void answersTheGatewaysReadinessPingWhileRedisAnswers(Vertx vertx) throws Exception {
    JsonObject reply = await(vertx.eventBus().<JsonObject>request(Service.EXPIRATION.pingAddress(), new JsonObject())).body();

    assertEquals("UP", reply.getString("status"));
  }

  @Test
  void aDueOrderIsSentAndForgottenOnlyAfterItsAcknowledgementWhileALaterOneWaits(Vertx vertx) throws Exception {
    String later = newOrderId();
    String due = newOrderId();
    // The consumer looks at Redis before it acknowledges: the order must still be there, claimed.
    Deliveries orders = Deliveries.deciding((orderId, attempt) -> score(redis, ExpirationSchedule.CLAIMED, orderId)
        .compose(claimed -> claimed != null ? Future.succeededFuture() : Future.failedFuture("not claimed while unacknowledged")));
    await(orders.register(vertx));

    // Scheduled first, so every poll that can claim the due order also sees the later one.
    await(sendOrderCreated(vertx, orderCreated(later, 0, Instant.now().plusSeconds(3600))));
    await(sendOrderCreated(vertx, orderCreated(due, 0, Instant.now().minusMillis(1))));

    eventually("the due order to be acknowledged and forgotten", Duration.ofSeconds(10),
        () -> forgotten(redis, due) && orders.of(due) > 0);
    assertEquals(1, orders.of(due), "acknowledged the first time");
    assertEquals(0, orders.of(later), "not sent before it is due");
    assertNotNull(await(score(redis, ExpirationSchedule.DUE, later)), "still scheduled");
    assertEquals(1, expiration.stats().acknowledged());
    assertEquals(0, expiration.stats().failed());
  }

  @Test
  void aRefusedOrderIsSentAgainAfterItsLeaseAndForgottenOnlyWhenAcknowledged(Vertx vertx) throws Exception {
    String orderId = newOrderId();
    Deliveries orders = Deliveries.deciding((id, attempt) -> attempt == 1
        ? Future.failedFuture("orders database unavailable")
        : score(redis, ExpirationSchedule.CLAIMED, id).compose(claimed -> claimed != null
            ? Future.succeededFuture() : Future.failedFuture("the refused order was not kept claimed")));
    await(orders.register(vertx));

    await(sendOrderCreated(vertx, orderCreated(orderId, 0, Instant.now())));

    eventually("the order to be acknowledged and forgotten", Duration.ofSeconds(10),
        () -> forgotten(redis, orderId) && orders.of(orderId) >= 2);
    assertEquals(2, orders.of(orderId), "refused once, acknowledged the second time");
    assertEquals(1, expiration.stats().failed());
    assertEquals(1, expiration.stats().retried());
    assertEquals(1, expiration.stats().acknowledged());
  }

  @Test
  void withNoConsumerNothingIsLostAndTheOrderIsDeliveredWhenOneRegisters(Vertx vertx) throws Exception {
    String orderId = newOrderId();
    Deliveries orders = Deliveries.acknowledging();
    await(sendOrderCreated(vertx, orderCreated(orderId, 0, Instant.now())));
    eventually("a send with no consumer (NO_HANDLERS)", Duration.ofSeconds(10), () -> expiration.stats().failed() >= 1);
    assertNotNull(await(score(redis, ExpirationSchedule.CLAIMED, orderId)), "kept, claimed, after the failed send");

    await(orders.register(vertx));

    eventually("delivery once the consumer is there", Duration.ofSeconds(10),
        () -> forgotten(redis, orderId) && orders.of(orderId) == 1);
    assertEquals(1, orders.of(orderId));
    assertTrue(expiration.stats().retried() >= 1);
  }
}
