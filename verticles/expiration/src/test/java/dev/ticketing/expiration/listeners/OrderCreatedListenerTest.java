package dev.ticketing.expiration.listeners;

import static dev.ticketing.expiration.ExpirationFixtures.newOrderId;
import static dev.ticketing.expiration.ExpirationFixtures.orderCreated;
import static dev.ticketing.expiration.ExpirationFixtures.refusalCode;
import static dev.ticketing.expiration.ExpirationFixtures.score;
import static dev.ticketing.expiration.ExpirationFixtures.sendOrderCreated;
import static dev.ticketing.platform.testing.Blocking.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.contracts.events.ConsumerGroup;
import dev.ticketing.contracts.events.Subject;
import dev.ticketing.expiration.store.ExpirationSchedule;
import dev.ticketing.platform.delivery.EventListener;
import dev.ticketing.platform.testing.RedisServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.redis.client.RedisAPI;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * order:created schedules the order once. There is no gap case: creation has no predecessor, and
 * any version but 0 is refused as not being a creation (see {@link OrderCreatedListener}).
 */
@ExtendWith(VertxExtension.class)
class OrderCreatedListenerTest {

  private static final Instant EXPIRES_AT = Instant.parse("2030-01-01T00:15:00.123Z");

  @RegisterExtension
  final RedisServer redisServer = new RedisServer();
  private RedisAPI redis;
  private ExpirationSchedule schedule;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    redis = redisServer.client(vertx);
    schedule = new ExpirationSchedule(redis, 3_000);
    await(new OrderCreatedListener(schedule).register(vertx));
  }

  @Test
  void schedulesTheOrderAtItsExpiresAt(Vertx vertx) throws Exception {
    String orderId = newOrderId();

    JsonObject reply = await(sendOrderCreated(vertx, orderCreated(orderId, 0, EXPIRES_AT)));

    assertEquals("APPLIED", reply.getString("outcome"));
    assertEquals(EXPIRES_AT.toEpochMilli(), await(score(redis, ExpirationSchedule.DUE, orderId)));
  }

  @Test
  void aDuplicateIsAcknowledgedWithoutMovingTheDueTime(Vertx vertx) throws Exception {
    String orderId = newOrderId();
    await(sendOrderCreated(vertx, orderCreated(orderId, 0, EXPIRES_AT)));

    JsonObject again = await(sendOrderCreated(vertx, orderCreated(orderId, 0, EXPIRES_AT.plusSeconds(60))));

    assertEquals("DUPLICATE", again.getString("outcome"));
    assertEquals(EXPIRES_AT.toEpochMilli(), await(score(redis, ExpirationSchedule.DUE, orderId)));
    assertEquals(1L, await(redis.zcard(ExpirationSchedule.DUE)).toLong());
  }

  @Test
  void aDuplicateOfAnOrderBeingSentDoesNotScheduleItAgain(Vertx vertx) throws Exception {
    String orderId = newOrderId();
    Instant past = Instant.now().minusSeconds(5);
    long now = System.currentTimeMillis();
    await(sendOrderCreated(vertx, orderCreated(orderId, 0, past)));
    assertEquals(orderId, await(schedule.claim(now, now + 60_000, 10)).firstAttempts().get(0).orderId());

    JsonObject again = await(sendOrderCreated(vertx, orderCreated(orderId, 0, past)));

    assertEquals("DUPLICATE", again.getString("outcome"));
    assertNull(await(score(redis, ExpirationSchedule.DUE, orderId)), "not back in the due set");
    assertEquals(now + 60_000, await(score(redis, ExpirationSchedule.CLAIMED, orderId)), "its lease is untouched");
  }

  @Test
  void anOrderCreatedWithAnotherVersionThanZeroIsRefusedAndNotScheduled(Vertx vertx) throws Exception {
    String orderId = newOrderId();

    int code = refusalCode(sendOrderCreated(vertx, orderCreated(orderId, 1, EXPIRES_AT)));

    assertEquals(EventListener.NOT_APPLIED, code);
    assertNull(await(score(redis, ExpirationSchedule.DUE, orderId)));
  }

  @Test
  void aPayloadThatDoesNotDecodeIsRefusedAsMalformed(Vertx vertx) throws Exception {
    String orderId = newOrderId();
    JsonObject withoutExpiry = orderCreated(orderId, 0, EXPIRES_AT).toJson();
    withoutExpiry.remove("expiresAt");

    int code = refusalCode(vertx.eventBus().request(Subject.ORDER_CREATED.address(ConsumerGroup.EXPIRATION), withoutExpiry));

    assertEquals(EventListener.MALFORMED, code);
    assertTrue(await(redis.zcard(ExpirationSchedule.DUE)).toLong() == 0);
  }
}
