package dev.ticketing.expiration;

import static dev.ticketing.platform.testing.Blocking.await;
import static dev.ticketing.platform.testing.Blocking.resultOrNull;

import dev.ticketing.contracts.events.ConsumerGroup;
import dev.ticketing.contracts.events.OrderCreated;
import dev.ticketing.contracts.events.Subject;
import dev.ticketing.expiration.store.ExpirationSchedule;
import dev.ticketing.platform.testing.RedisServer;
import dev.ticketing.platform.testing.Refusals;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.types.ObjectId;

/** Configs, events and Redis probes shared by the expiration tests. */
public final class ExpirationFixtures {

  private ExpirationFixtures() {
  }

  /** Fast polls and a short lease, so retries happen within a test. */
  public static ExpirationConfig fastConfig(RedisServer redis) {
    return new ExpirationConfig(redis.settings(), 0, 20, 500, 800, 256, 400);
  }

  /** The production lease and timeout: nothing should need a retry. */
  public static ExpirationConfig productionLease(RedisServer redis) {
    return new ExpirationConfig(redis.settings(), 0, 20, 500, 10_000, 256, 5_000);
  }

  public static String newOrderId() {
    return new ObjectId().toHexString();
  }

  public static OrderCreated orderCreated(String orderId, long version, Instant expiresAt) {
    return new OrderCreated(orderId, version, "created", "u1", expiresAt, new ObjectId().toHexString(), 2500, 0);
  }

  /** Sends order:created exactly as the orders relay does; the reply is the listener's. */
  public static Future<JsonObject> sendOrderCreated(Vertx vertx, OrderCreated event) {
    return vertx.eventBus().<JsonObject>request(Subject.ORDER_CREATED.address(ConsumerGroup.EXPIRATION), event.toJson())
        .map(reply -> reply.body());
  }

  /** The member's score in one of the sets, or null when it is not there. */
  public static Future<Long> score(RedisAPI redis, String key, String orderId) {
    return redis.zscore(key, orderId).map(ExpirationFixtures::asLong);
  }

  /** The failure code the listener refused an event with; an AssertionError when it accepted it. */
  public static int refusalCode(Future<?> delivery) throws Exception {
    return await(Refusals.code(delivery));
  }

  /** The order is in neither set; false also when Redis did not answer. Blocks: call it from the test thread only. */
  public static boolean forgotten(RedisAPI redis, String orderId) {
    Future<Boolean> inNeither = Future.all(score(redis, ExpirationSchedule.DUE, orderId),
        score(redis, ExpirationSchedule.CLAIMED, orderId)).map(both -> both.resultAt(0) == null && both.resultAt(1) == null);
    return answeredTrue(inNeither);
  }

  /** Nothing is due or claimed; false also when Redis did not answer. Blocks: call it from the test thread only. */
  public static boolean bothSetsEmpty(RedisAPI redis) {
    Future<Boolean> empty = Future.all(redis.zcard(ExpirationSchedule.DUE), redis.zcard(ExpirationSchedule.CLAIMED))
        .map(both -> both.<Response>resultAt(0).toLong() == 0 && both.<Response>resultAt(1).toLong() == 0);
    return answeredTrue(empty);
  }

  private static boolean answeredTrue(Future<Boolean> check) {
    return Boolean.TRUE.equals(resultOrNull(check));
  }

  /**
   * Puts many orders into the schedule in a few commands, as thousands of order:created events
   * would; used only where the test is about sending, not about the listener.
   */
  public static Future<Void> seedDue(RedisAPI redis, List<String> orderIds, long dueAtMillis) {
    List<Future<Response>> chunks = new ArrayList<>();
    for (int from = 0; from < orderIds.size(); from += 1000) {
      List<String> args = new ArrayList<>();
      args.add(ExpirationSchedule.DUE);
      for (String id : orderIds.subList(from, Math.min(orderIds.size(), from + 1000))) {
        args.add(String.valueOf(dueAtMillis));
        args.add(id);
      }
      chunks.add(redis.zadd(args));
    }
    return Future.all(chunks).mapEmpty();
  }

  private static Long asLong(Response score) {
    return score == null ? null : (long) Double.parseDouble(score.toString());
  }
}
