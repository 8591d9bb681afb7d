package dev.ticketing.auth.security;

import dev.ticketing.contracts.errors.ApiException;
import dev.ticketing.contracts.errors.TooManyRequests;
import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Limits failed sign-ins in Redis, so every auth instance shares the counts. A fixed window per
 * key: the first failure starts a window of {@link SigninLimits#windowSeconds()}, and when the
 * window ends the count starts again. Over a limit, sign-in is refused before the password is
 * checked, so guessing stops paying off even when a guess would be right.
 *
 * <p>Each attempt takes its place in the count before the password is checked, in one atomic
 * script, and gives it back when the password was right. So a burst of guesses at once cannot all
 * pass the check before any of them is counted: of a hundred at the same instant, exactly as many
 * as the limit allows are tried.
 */
public final class SigninThrottle {

  // Refuse if either count is at its limit; otherwise count this attempt on both (starting their windows).
  private static final String TAKE_ATTEMPT = """
      if tonumber(redis.call('GET', KEYS[1]) or '0') >= tonumber(ARGV[2])
          or tonumber(redis.call('GET', KEYS[2]) or '0') >= tonumber(ARGV[3]) then
        return 0
      end
      for i, key in ipairs(KEYS) do
        if redis.call('INCR', key) == 1 then redis.call('EXPIRE', key, ARGV[1]) end
      end
      return 1
      """;
  // A right password was no failure: give its place back (never below zero).
  private static final String GIVE_BACK = """
      for i, key in ipairs(KEYS) do
        if tonumber(redis.call('GET', KEYS[i]) or '0') > 0 then redis.call('DECR', key) end
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

  /** Counts the attempt, or fails with 429 when the account or the address has used up its failures in this window. */
  public Future<Void> attempt(String email, String address) {
    return redis.eval(List.of(TAKE_ATTEMPT, "2", accountKey(email), addressKey(address), String.valueOf(limits.windowSeconds()),
            String.valueOf(limits.perAccount()), String.valueOf(limits.perAddress())))
        .timeout(timeoutMillis, TimeUnit.MILLISECONDS)
        .recover(SigninThrottle::unavailable)
        .compose(taken -> taken.toInteger() == 1 ? Future.<Void>succeededFuture()
            : Future.failedFuture(new TooManyRequests("Too many failed sign-in attempts, try again later")));
  }

  /** The attempt's password was right: it does not count as a failure. */
  public Future<Void> succeeded(String email, String address) {
    return redis.eval(List.of(GIVE_BACK, "2", accountKey(email), addressKey(address)))
        .timeout(timeoutMillis, TimeUnit.MILLISECONDS)
        .<Void>mapEmpty()
        .otherwiseEmpty(); // counted once too many at worst: stricter, never looser
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
