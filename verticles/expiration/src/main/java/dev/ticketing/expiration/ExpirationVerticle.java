package dev.ticketing.expiration;

import dev.ticketing.contracts.commands.Service;
import dev.ticketing.expiration.expiry.ExpirationStats;
import dev.ticketing.expiration.expiry.ExpiryPoller;
import dev.ticketing.expiration.expiry.QueueDepth;
import dev.ticketing.expiration.listeners.OrderCreatedListener;
import dev.ticketing.expiration.store.ExpirationSchedule;
import dev.ticketing.platform.health.Health;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.redis.client.RedisAPI;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Cancels unpaid orders on time: schedules every created order in Redis at its {@code expiresAt}
 * and, once it is due, sends {@code expiration:complete} to the orders service until that is
 * acknowledged. No HTTP API and no MongoDB; the schedule in Redis is all its state, so any number
 * of instances can run against one Redis.
 */
public final class ExpirationVerticle extends VerticleBase {

  private final ExpirationConfig config;
  private final ExpirationStats stats = new ExpirationStats();
  private RedisAPI redis;
  private ExpiryPoller poller;

  public ExpirationVerticle(ExpirationConfig config) {
    this.config = config;
  }

  /** What this instance has sent and how late; for tests and metrics. */
  public ExpirationStats stats() {
    return stats;
  }

  @Override
  public Future<?> start() {
    redis = config.redis().client(vertx);
    ExpirationSchedule schedule = new ExpirationSchedule(redis, config.redis().commandTimeoutMillis());
    OrderCreatedListener orderCreated = new OrderCreatedListener(schedule);
    poller = new ExpiryPoller(vertx, schedule, config, stats);

    Health health = new Health(vertx)
        .check("redis", () -> redis.ping(List.of()).timeout(config.redis().commandTimeoutMillis(), TimeUnit.MILLISECONDS));

    return orderCreated.register(vertx)
        .onSuccess(registered -> poller.start())
        .onSuccess(polling -> QueueDepth.watch(vertx, schedule))
        .compose(polling -> health.answerPings(Service.EXPIRATION))
        .compose(answering -> health.serve(config.managementPort()));
  }

  @Override
  public Future<?> stop() {
    // Requests still awaiting an ack leave their orders claimed; another poll sends them after the lease.
    if (poller != null) {
      poller.stop();
    }
    if (redis != null) {
      redis.close();
    }
    return Future.succeededFuture();
  }
}
