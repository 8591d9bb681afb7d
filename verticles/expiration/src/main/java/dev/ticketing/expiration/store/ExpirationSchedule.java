package dev.ticketing.expiration.store;

import dev.ticketing.expiration.domain.Claim;
import dev.ticketing.expiration.domain.DueOrder;
import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The schedule of order expiries in Redis, the only state of this service; the only code that
 * touches Redis. Two sorted sets, members are order ids:
 * <ul>
 *   <li>{@value #DUE}: scheduled orders, score = {@code expiresAt} in epoch milliseconds;</li>
 *   <li>{@value #CLAIMED}: orders taken by a poll and being sent, score = when the lease ends.</li>
 * </ul>
 * An order is in at most one of them: it moves from due to claimed atomically (inside one script)
 * and leaves claimed only when the orders service has acknowledged it. Redis runs with AOF and
 * {@code appendfsync always}, so once a call here succeeded the change survives a Redis crash.
 *
 * <p>Both keys are named explicitly in every script (KEYS), as Redis requires; on a Redis Cluster
 * they would need a common hash tag to live in one slot.
 */
public final class ExpirationSchedule {

  public static final String DUE = "expiration:due";
  public static final String CLAIMED = "expiration:claimed";

  // Adds the order unless it is already scheduled or being sent: a redelivered order:created must
  // neither move its due time nor put an order being sent back into the due set. Atomic, so two
  // deliveries of the same event racing each other add it once.
  private static final LuaScript SCHEDULE = new LuaScript("""
      if redis.call('ZSCORE', KEYS[1], ARGV[2]) or redis.call('ZSCORE', KEYS[2], ARGV[2]) then
        return 0
      end
      redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])
      return 1
      """);

  // Takes up to ARGV[3] orders: first those due (score <= now), then those whose lease ended
  // (score <= now), giving each a new lease until ARGV[2]. Being one script, two pollers never
  // take the same order: the second sees it moved or already re-leased into the future.
  // Inside Lua, WITHSCORES answers flat [member, score, ...] (RESP2), whatever the client speaks.
  private static final LuaScript CLAIM = new LuaScript("""
      local limit = tonumber(ARGV[3])
      local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'WITHSCORES', 'LIMIT', 0, limit)
      for i = 1, #due, 2 do
        redis.call('ZREM', KEYS[1], due[i])
        redis.call('ZADD', KEYS[2], ARGV[2], due[i])
      end
      local expired = {}
      local room = limit - #due / 2
      if room > 0 then
        expired = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', ARGV[1], 'LIMIT', 0, room)
        for i = 1, #expired do
          redis.call('ZADD', KEYS[2], ARGV[2], expired[i])
        end
      end
      return {due, expired}
      """);

  private final RedisAPI redis;
  private final long timeoutMillis;

  /** @param timeoutMillis longest wait for one call: a Redis that hangs fails it instead of stalling the poller */
  public ExpirationSchedule(RedisAPI redis, long timeoutMillis) {
    this.redis = redis;
    this.timeoutMillis = timeoutMillis;
  }

  /** Schedules the order at {@code dueAtMillis}; false when it was already scheduled or being sent. */
  public Future<Boolean> schedule(String orderId, long dueAtMillis) {
    return bounded(SCHEDULE.run(redis, List.of(DUE, CLAIMED), List.of(String.valueOf(dueAtMillis), orderId)))
        .map(added -> added.toInteger() == 1);
  }

  /** Claims up to {@code limit} orders due at {@code nowMillis}, leased until {@code leaseUntilMillis}. */
  public Future<Claim> claim(long nowMillis, long leaseUntilMillis, int limit) {
    return bounded(CLAIM.run(redis, List.of(DUE, CLAIMED),
            List.of(String.valueOf(nowMillis), String.valueOf(leaseUntilMillis), String.valueOf(limit))))
        .map(ExpirationSchedule::claimFrom);
  }

  /** Forgets the orders: the orders service acknowledged their expiration:complete. */
  public Future<Void> completed(List<String> orderIds) {
    List<String> args = new ArrayList<>(orderIds.size() + 1);
    args.add(CLAIMED);
    args.addAll(orderIds);
    return bounded(redis.zrem(args)).mapEmpty();
  }

  /** How many orders wait: scheduled, and claimed but not yet acknowledged. */
  public Future<long[]> depth() {
    return bounded(redis.zcard(DUE)).compose(due -> bounded(redis.zcard(CLAIMED))
        .map(claimed -> new long[] {due.toLong(), claimed.toLong()}));
  }

  private <T> Future<T> bounded(Future<T> call) {
    return call.timeout(timeoutMillis, TimeUnit.MILLISECONDS);
  }

  private static Claim claimFrom(Response reply) {
    Response due = reply.get(0);
    List<DueOrder> firstAttempts = new ArrayList<>(due.size() / 2);
    for (int i = 0; i + 1 < due.size(); i += 2) {
      // Scores are doubles in Redis; epoch milliseconds are far below 2^53, so they come back exact.
      firstAttempts.add(new DueOrder(due.get(i).toString(), (long) Double.parseDouble(due.get(i + 1).toString())));
    }
    Response expired = reply.get(1);
    List<String> expiredLeases = new ArrayList<>(expired.size());
    for (int i = 0; i < expired.size(); i++) {
      expiredLeases.add(expired.get(i).toString());
    }
    return new Claim(firstAttempts, expiredLeases);
  }
}
