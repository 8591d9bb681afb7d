package dev.ticketing.platform.delivery;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What one relay has done, readable from any thread (tests, metrics): entries acknowledged, failed
 * passes scheduled again, entries set aside as dead letters, and the delay from an entry's write
 * to its acknowledgement (last and largest seen), which is the event lag its consumers see.
 */
public final class RelayCounters {

  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong failedAttempts = new AtomicLong();
  private final AtomicLong deadLettered = new AtomicLong();
  private final AtomicLong lastLagMillis = new AtomicLong();
  private final AtomicLong maxLagMillis = new AtomicLong();

  public long delivered() {
    return delivered.get();
  }

  public long failedAttempts() {
    return failedAttempts.get();
  }

  public long deadLettered() {
    return deadLettered.get();
  }

  public long lastLagMillis() {
    return lastLagMillis.get();
  }

  public long maxLagMillis() {
    return maxLagMillis.get();
  }

  void delivered(long lagMillis) {
    delivered.incrementAndGet();
    long lag = Math.max(0, lagMillis);
    lastLagMillis.set(lag);
    maxLagMillis.accumulateAndGet(lag, Math::max);
  }

  void failedAttempt() {
    failedAttempts.incrementAndGet();
  }

  void setAside() {
    deadLettered.incrementAndGet();
  }
}
