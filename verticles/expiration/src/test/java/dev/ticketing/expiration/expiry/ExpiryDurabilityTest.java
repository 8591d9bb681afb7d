package dev.ticketing.expiration.expiry;

import static dev.ticketing.expiration.ExpirationFixtures.fastConfig;
import static dev.ticketing.expiration.ExpirationFixtures.forgotten;
import static dev.ticketing.expiration.ExpirationFixtures.newOrderId;
import static dev.ticketing.expiration.ExpirationFixtures.orderCreated;
import static dev.ticketing.expiration.ExpirationFixtures.score;
import static dev.ticketing.expiration.ExpirationFixtures.sendOrderCreated;
import static dev.ticketing.platform.testing.Blocking.await;
import static dev.ticketing.platform.testing.Blocking.eventually;
import static dev.ticketing.platform.testing.Blocking.resultOrNull;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.expiration.Deliveries;
import dev.ticketing.expiration.ExpirationVerticle;
import dev.ticketing.expiration.store.ExpirationSchedule;
import dev.ticketing.platform.testing.RedisServer;
import io.vertx.core.CompositeFuture;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.redis.client.RedisAPI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An acknowledged schedule survives a Redis crash, and the service carries on once Redis is back. */
@ExtendWith(VertxExtension.class)
class ExpiryDurabilityTest {

  @RegisterExtension
  final RedisServer redisServer = new RedisServer();

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void anAcknowledgedScheduleSurvivesARedisCrashAndIsDelivered(Vertx vertx) throws Exception {
    RedisAPI redis = redisServer.client(vertx);
    String orderId = newOrderId();
    Instant expiresAt = Instant.now().plusMillis(1500);
    ExpirationVerticle expiration = new ExpirationVerticle(fastConfig(redisServer));
    Deliveries orders = Deliveries.acknowledging();
    // The verticle's own client is connected (it polls) before the crash, and must reconnect after it.
    await(vertx.deployVerticle(expiration));
    JsonObject acknowledged = await(sendOrderCreated(vertx, orderCreated(orderId, 0, expiresAt)));
    assertEquals("APPLIED", acknowledged.getString("outcome"));

    redisServer.crashAndRestart();

    eventually("the test's client to reach the restarted Redis", Duration.ofSeconds(10),
        () -> resultOrNull(redis.ping(List.of())) != null);
    CompositeFuture state = await(Future.all(score(redis, ExpirationSchedule.DUE, orderId),
        score(redis, ExpirationSchedule.CLAIMED, orderId)));
    // No consumer yet, so nothing can have removed it: it is due, or (if the restart took
    // longer than the 1.5 s to expiresAt) claimed by a poll that found no consumer.
    Long due = state.resultAt(0);
    Long claimed = state.resultAt(1);
    assertTrue(Long.valueOf(expiresAt.toEpochMilli()).equals(due) || claimed != null,
        "the acknowledged schedule was lost: due " + due + ", claimed " + claimed);

    await(orders.register(vertx));

    eventually("delivery after the restart", Duration.ofSeconds(20), () -> forgotten(redis, orderId) && orders.of(orderId) >= 1);
    assertEquals(1, orders.of(orderId), "delivered once");
    assertTrue(expiration.stats().acknowledged() >= 1);
  }
}
