package dev.ticketing.expiration.expiry;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters of one expiration instance, readable from any thread (tests, metrics).
 * <ul>
 *   <li>sent: expiration:complete requests sent, first attempts and retries;</li>
 *   <li>acknowledged: requests the orders service acknowledged (the order then leaves Redis);</li>
 *   <li>failed: requests refused, timed out or without a consumer (the order stays claimed);</li>
 *   <li>retried: sends of orders claimed again after their lease ran out.</li>
 * </ul>
 * Lateness (send time - expiresAt) is recorded for first attempts only: a retry is late because
 * of the lease and the consumer's absence, not because of how fast we poll.
 */
public final class ExpirationStats {

  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong acknowledged = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong retried = new AtomicLong();
  private final LatenessHistogram lateness = new LatenessHistogram();

  public long sent() {
    return sent.get();
  }

  public long acknowledged() {
    return acknowledged.get();
  }

  public long failed() {
    return failed.get();
  }

  public long retried() {
    return retried.get();
  }

  public LatenessHistogram lateness() {
    return lateness;
  }

  void recordFirstAttempt(long latenessMillis) {
    sent.incrementAndGet();
    lateness.record(latenessMillis);
  }

  void recordRetry() {
    sent.incrementAndGet();
    retried.incrementAndGet();
  }

  void recordAcknowledged() {
    acknowledged.incrementAndGet();
  }

  void recordFailure() {
    failed.incrementAndGet();
  }

  @Override
  public String toString() {
    return "sent " + sent() + ", acknowledged " + acknowledged() + ", failed " + failed() + ", retried " + retried()
        + ", lateness p99 " + lateness.percentileMillis(0.99) + " ms, max " + lateness.maxMillis() + " ms";
  }
}
