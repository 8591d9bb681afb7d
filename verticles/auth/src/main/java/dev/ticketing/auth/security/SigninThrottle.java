package dev.ticketing.auth.security;

import dev.ticketing.contracts.errors.ApiException;
import dev.ticketing.contracts.errors.TooManyRequests;
import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Counts failed sign-ins in Redis, so every auth instance shares the counts. A fixed window per
 * key: the first failure starts a window of {@link SigninLimits#windowSeconds()}, and when the
 * window ends the count starts again. Over a limit, sign-in is refused before the password is
 * checked, so guessing stops paying off even when a guess would be right.
 */
public final class SigninThrottle {

  // INCR each key and start its window on the first failure; atomic, so concurrent failures count exactly.
  private static final String RECORD_FAILURE = """
      for i, key in ipairs(KEYS) do
        if redis.call('INCR', key) == 1 then redis.call('EXPIRE', key, ARGV[1]) end
      end
      return 1
      """;

  private final RedisAPI redis;
  private final SigninLimits limits;
  private final long timeoutMillis;

  /** @param timeoutMillis longest wait for Redis: a hung Redis answers 503 instead of holding sign-ins */
  public SigninThrottle(RedisAPI redis, SigninLimits limits, long timeoutMillis) {
    this.redis = redis;
    this.limits = limits;
    this.timeoutMillis = timeoutMillis;
  }

  /** Fails with 429 when the account or the address has used up its failures in this window. */
  public Future<Void> checkAllowed(String email, String address) {
    return redis.mget(List.of(accountKey(email), addressKey(address)))
        .timeout(timeoutMillis, TimeUnit.MILLISECONDS)
        .recover(SigninThrottle::unavailable)
        .compose(counts -> {
          if (count(counts, 0) >= limits.perAccount() || count(counts, 1) >= limits.perAddress()) {
            return Future.failedFuture(new TooManyRequests("Too many failed sign-in attempts, try again later"));
          }
          return Future.succeededFuture();
        });
  }

  public Future<Void> recordFailure(String email, String address) {
    return redis.eval(List.of(RECORD_FAILURE, "2", accountKey(email), addressKey(address), String.valueOf(limits.windowSeconds())))
        .timeout(timeoutMillis, TimeUnit.MILLISECONDS)
        .recover(SigninThrottle::unavailable)
        .mapEmpty();
  }

  private static long count(Response counts, int index) {
    Response value = counts.get(index);
    return value == null ? 0 : value.toLong();
  }

  private static String accountKey(String email) {
    return "signin-failures:account:" + email;
  }

  private static String addressKey(String address) {
    return "signin-failures:address:" + address;
  }

  // Without the counters we cannot enforce the limit; refusing beats letting guessing run unchecked.
  private static <T> Future<T> unavailable(Throwable cause) {
    return Future.failedFuture(new ApiException(503, "Sign-in is temporarily unavailable"));
  }
}
