package dev.ticketing.expiration.expiry;

import static dev.ticketing.expiration.ExpirationFixtures.fastConfig;
import static dev.ticketing.expiration.ExpirationFixtures.forgotten;
import static dev.ticketing.expiration.ExpirationFixtures.newOrderId;
import static dev.ticketing.expiration.ExpirationFixtures.orderCreated;
import static dev.ticketing.expiration.ExpirationFixtures.score;
import static dev.ticketing.expiration.ExpirationFixtures.sendOrderCreated;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.expiration.Deliveries;
import dev.ticketing.expiration.ExpirationVerticle;
import dev.ticketing.expiration.store.ExpirationSchedule;
import dev.ticketing.platform.testing.Eventually;
import dev.ticketing.platform.testing.RedisServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.redis.client.RedisAPI;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An acknowledged schedule survives a Redis crash, and the service carries on once Redis is back. */
@ExtendWith(VertxExtension.class)
class ExpiryDurabilityTest {

  @RegisterExtension
  final RedisServer redisServer = new RedisServer();

  @Test
  @Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
  void anAcknowledgedScheduleSurvivesARedisCrashAndIsDelivered(Vertx vertx, VertxTestContext test) {
    RedisAPI redis = redisServer.client(vertx);
    String orderId = newOrderId();
    Instant expiresAt = Instant.now().plusMillis(1500);
    ExpirationVerticle expiration = new ExpirationVerticle(fastConfig(redisServer));
    Deliveries orders = Deliveries.acknowledging();
    vertx.deployVerticle(expiration)
        // The verticle's own client is connected (it polls) before the crash, and must reconnect after it.
        .compose(deployed -> sendOrderCreated(vertx, orderCreated(orderId, 0, expiresAt)))
        .compose(acknowledged -> {
          test.verify(() -> assertEquals("APPLIED", acknowledged.getString("outcome")));
          return vertx.executeBlocking(() -> {
            redisServer.crashAndRestart();
            return null;
          });
        })
        .compose(restarted -> Eventually.await(vertx, 10_000, "the test's client to reach the restarted Redis",
            () -> redis.ping(java.util.List.of()).map(pong -> true).recover(notYet -> Future.succeededFuture(false))))
        .compose(reachable -> Future.all(score(redis, ExpirationSchedule.DUE, orderId), score(redis, ExpirationSchedule.CLAIMED, orderId)))
        .compose(state -> {
          // No consumer yet, so nothing can have removed it: it is due, or (if the restart took
          // longer than the 1.5 s to expiresAt) claimed by a poll that found no consumer.
          Long due = state.resultAt(0);
          Long claimed = state.resultAt(1);
          test.verify(() -> assertTrue(Long.valueOf(expiresAt.toEpochMilli()).equals(due) || claimed != null,
              "the acknowledged schedule was lost: due " + due + ", claimed " + claimed));
          return orders.register(vertx);
        })
        .compose(registered -> Eventually.await(vertx, 20_000, "delivery after the restart",
            () -> forgotten(redis, orderId).map(gone -> gone && orders.of(orderId) >= 1)))
        .onComplete(test.succeeding(done -> test.verify(() -> {
          assertEquals(1, orders.of(orderId), "delivered once");
          assertTrue(expiration.stats().acknowledged() >= 1);
          test.completeNow();
        })));
  }
}
