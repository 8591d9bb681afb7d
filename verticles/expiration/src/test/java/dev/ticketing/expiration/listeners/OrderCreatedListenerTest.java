package dev.ticketing.expiration.listeners;

import static dev.ticketing.expiration.ExpirationFixtures.newOrderId;
import static dev.ticketing.expiration.ExpirationFixtures.orderCreated;
import static dev.ticketing.expiration.ExpirationFixtures.score;
import static dev.ticketing.expiration.ExpirationFixtures.sendOrderCreated;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.contracts.events.ConsumerGroup;
import dev.ticketing.contracts.events.Subject;
import dev.ticketing.expiration.store.ExpirationSchedule;
import dev.ticketing.platform.delivery.EventListener;
import dev.ticketing.platform.testing.Blocking;
import dev.ticketing.platform.testing.RedisServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
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
    Blocking.await(new OrderCreatedListener(schedule).register(vertx));
  }

  @Test
  void schedulesTheOrderAtItsExpiresAt(Vertx vertx, VertxTestContext test) {
    String orderId = newOrderId();
    sendOrderCreated(vertx, orderCreated(orderId, 0, EXPIRES_AT))
        .compose(reply -> {
          test.verify(() -> assertEquals("APPLIED", reply.getString("outcome")));
          return score(redis, ExpirationSchedule.DUE, orderId);
        })
        .onComplete(test.succeeding(due -> test.verify(() -> {
          assertEquals(EXPIRES_AT.toEpochMilli(), due);
          test.completeNow();
        })));
  }

  @Test
  void aDuplicateIsAcknowledgedWithoutMovingTheDueTime(Vertx vertx, VertxTestContext test) {
    String orderId = newOrderId();
    sendOrderCreated(vertx, orderCreated(orderId, 0, EXPIRES_AT))
        .compose(first -> sendOrderCreated(vertx, orderCreated(orderId, 0, EXPIRES_AT.plusSeconds(60))))
        .compose(again -> {
          test.verify(() -> assertEquals("DUPLICATE", again.getString("outcome")));
          return Future.all(score(redis, ExpirationSchedule.DUE, orderId), redis.zcard(ExpirationSchedule.DUE));
        })
        .onComplete(test.succeeding(state -> test.verify(() -> {
          assertEquals(EXPIRES_AT.toEpochMilli(), state.<Long>resultAt(0));
          assertEquals(1L, state.<io.vertx.redis.client.Response>resultAt(1).toLong());
          test.completeNow();
        })));
  }

  @Test
  void aDuplicateOfAnOrderBeingSentDoesNotScheduleItAgain(Vertx vertx, VertxTestContext test) {
    String orderId = newOrderId();
    Instant past = Instant.now().minusSeconds(5);
    long now = System.currentTimeMillis();
    sendOrderCreated(vertx, orderCreated(orderId, 0, past))
        .compose(scheduled -> schedule.claim(now, now + 60_000, 10))
        .compose(claim -> {
          test.verify(() -> assertEquals(orderId, claim.firstAttempts().get(0).orderId()));
          return sendOrderCreated(vertx, orderCreated(orderId, 0, past));
        })
        .compose(again -> {
          test.verify(() -> assertEquals("DUPLICATE", again.getString("outcome")));
          return Future.all(score(redis, ExpirationSchedule.DUE, orderId), score(redis, ExpirationSchedule.CLAIMED, orderId));
        })
        .onComplete(test.succeeding(state -> test.verify(() -> {
          assertNull(state.resultAt(0), "not back in the due set");
          assertEquals(now + 60_000, state.<Long>resultAt(1), "its lease is untouched");
          test.completeNow();
        })));
  }

  @Test
  void anOrderCreatedWithAnotherVersionThanZeroIsRefusedAndNotScheduled(Vertx vertx, VertxTestContext test) {
    String orderId = newOrderId();
    sendOrderCreated(vertx, orderCreated(orderId, 1, EXPIRES_AT))
        .map(reply -> -1)
        .recover(refused -> Future.succeededFuture(((ReplyException) refused).failureCode()))
        .compose(code -> {
          test.verify(() -> assertEquals(EventListener.NOT_APPLIED, code));
          return score(redis, ExpirationSchedule.DUE, orderId);
        })
        .onComplete(test.succeeding(due -> test.verify(() -> {
          assertNull(due);
          test.completeNow();
        })));
  }

  @Test
  void aPayloadThatDoesNotDecodeIsRefusedAsMalformed(Vertx vertx, VertxTestContext test) {
    String orderId = newOrderId();
    JsonObject withoutExpiry = orderCreated(orderId, 0, EXPIRES_AT).toJson();
    withoutExpiry.remove("expiresAt");
    vertx.eventBus().request(Subject.ORDER_CREATED.address(ConsumerGroup.EXPIRATION), withoutExpiry)
        .map(reply -> -1)
        .recover(refused -> Future.succeededFuture(((ReplyException) refused).failureCode()))
        .compose(code -> {
          test.verify(() -> assertEquals(EventListener.MALFORMED, code));
          return redis.zcard(ExpirationSchedule.DUE);
        })
        .onComplete(test.succeeding(count -> test.verify(() -> {
          assertTrue(count.toLong() == 0);
          test.completeNow();
        })));
  }
}
