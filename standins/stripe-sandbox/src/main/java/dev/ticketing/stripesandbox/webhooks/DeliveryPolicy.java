package dev.ticketing.stripesandbox.webhooks;

import java.time.Duration;

/**
 * How hard the sandbox tries to deliver a webhook and how much it keeps waiting. Like Stripe it
 * retries a failed delivery (non-2xx, timeout, no connection) with a growing delay, then gives up;
 * unlike Stripe (days, in live mode) it stops within minutes, which suits local runs.
 *
 * @param firstRetry     delay after the first failure; doubled after each further one
 * @param maxRetryDelay  the delay stops growing here
 * @param maxAttempts    attempts per event, the first one included
 * @param maxAge         no new attempt once this long has passed since the first
 * @param attemptTimeout how long one attempt may take before it counts as failed
 * @param maxUndelivered events kept waiting at most; beyond, the oldest is dropped (and logged)
 */
public record DeliveryPolicy(Duration firstRetry, Duration maxRetryDelay, int maxAttempts, Duration maxAge,
    Duration attemptTimeout, int maxUndelivered) {

  /** 0.5 s doubling to 30 s, 20 attempts (about seven minutes) or one hour, 10 s per attempt, 10,000 waiting. */
  public static final DeliveryPolicy STRIPE_LIKE = new DeliveryPolicy(Duration.ofMillis(500), Duration.ofSeconds(30),
      20, Duration.ofHours(1), Duration.ofSeconds(10), 10_000);

  public DeliveryPolicy {
    if (!firstRetry.isPositive() || maxRetryDelay.compareTo(firstRetry) < 0) {
      throw new IllegalArgumentException("retry delays must be positive and maxRetryDelay >= firstRetry");
    }
    if (maxAttempts < 1 || maxUndelivered < 1) {
      throw new IllegalArgumentException("maxAttempts and maxUndelivered must be at least 1");
    }
    if (!attemptTimeout.isPositive() || !maxAge.isPositive()) {
      throw new IllegalArgumentException("attemptTimeout and maxAge must be positive");
    }
  }

  /** The wait before the next attempt, after {@code failedAttempts} (1 or more) have failed. */
  public Duration delayAfter(int failedAttempts) {
    Duration delay = firstRetry;
    for (int i = 1; i < failedAttempts && delay.compareTo(maxRetryDelay) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
  }

  /** True when no further attempt is due: enough were made, or it has gone on too long. */
  public boolean exhausted(int attempts, Duration sinceFirstAttempt) {
    return attempts >= maxAttempts || sinceFirstAttempt.compareTo(maxAge) >= 0;
  }
}
