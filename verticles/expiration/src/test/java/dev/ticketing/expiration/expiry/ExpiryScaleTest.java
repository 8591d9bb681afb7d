package dev.ticketing.expiration.expiry;

import static dev.ticketing.expiration.ExpirationFixtures.bothSetsEmpty;
import static dev.ticketing.expiration.ExpirationFixtures.newOrderId;
import static dev.ticketing.expiration.ExpirationFixtures.productionLease;
import static dev.ticketing.expiration.ExpirationFixtures.seedDue;
import static dev.ticketing.platform.testing.Blocking.await;
import static dev.ticketing.platform.testing.Blocking.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ticketing.expiration.Deliveries;
import dev.ticketing.expiration.ExpirationVerticle;
import dev.ticketing.platform.testing.RedisServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.redis.client.RedisAPI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Many orders due at once, and several instances sharing one schedule. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ExpiryScaleTest {

  private static final Logger log = LoggerFactory.getLogger(ExpiryScaleTest.class);

  @RegisterExtension
  final RedisServer redisServer = new RedisServer();

  @Test
  void twoInstancesDeliverEachDueOrderExactlyOnce(Vertx vertx) throws Exception {
    RedisAPI redis = redisServer.client(vertx);
    List<String> orderIds = orderIds(2000);
    Deliveries orders = Deliveries.acknowledging();
    ExpirationVerticle first = new ExpirationVerticle(productionLease(redisServer));
    ExpirationVerticle second = new ExpirationVerticle(productionLease(redisServer));
    await(orders.register(vertx));
    await(Future.all(vertx.deployVerticle(first), vertx.deployVerticle(second)));

    // Due a moment from now, so both instances are polling when they fall due.
    await(seedDue(redis, orderIds, System.currentTimeMillis() + 300));

    awaitAllDelivered(redis, orders, orderIds);
    for (String orderId : orderIds) {
      assertEquals(1, orders.of(orderId), "deliveries of order " + orderId);
    }
    assertEquals(orderIds.size(), orders.total());
    assertEquals(orderIds.size(), first.stats().acknowledged() + second.stats().acknowledged());
    log.info("instance 1 sent {}, instance 2 sent {}", first.stats().sent(), second.stats().sent());
  }

  @Test
  void thousandsDueInTheSameSecondAreAllDelivered(Vertx vertx) throws Exception {
    RedisAPI redis = redisServer.client(vertx);
    List<String> orderIds = orderIds(5000);
    Deliveries orders = Deliveries.acknowledging();
    ExpirationVerticle expiration = new ExpirationVerticle(productionLease(redisServer));
    await(orders.register(vertx));
    await(vertx.deployVerticle(expiration));

    await(seedDue(redis, orderIds, System.currentTimeMillis() + 500));

    awaitAllDelivered(redis, orders, orderIds);
    long notExactlyOnce = orderIds.stream().filter(orderId -> orders.of(orderId) != 1).count();
    assertEquals(0, notExactlyOnce, "orders not delivered exactly once");
    ExpirationStats stats = expiration.stats();
    assertEquals(orderIds.size(), stats.acknowledged());
    // Reported, not asserted: speed targets live in the benchmarks, not in a unit test.
    log.info("{} orders due in the same millisecond: lateness p50 {} ms, p99 {} ms, max {} ms ({})",
        orderIds.size(), stats.lateness().percentileMillis(0.5), stats.lateness().percentileMillis(0.99),
        stats.lateness().maxMillis(), stats);
  }

  private static void awaitAllDelivered(RedisAPI redis, Deliveries orders, List<String> orderIds) throws InterruptedException {
    eventually("all orders acknowledged and forgotten", Duration.ofSeconds(45),
        () -> bothSetsEmpty(redis) && orders.perOrder().size() == orderIds.size());
  }

  private static List<String> orderIds(int count) {
    return IntStream.range(0, count).mapToObj(i -> newOrderId()).toList();
  }
}
