package dev.ticketing.expiration.expiry;

import dev.ticketing.platform.metrics.Metrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters of one expiration instance, readable from any thread (tests), and exported as
 * {@code ticketing_expiration_sent_total} (attempt first or retry), {@code _acknowledged_total},
 * {@code _failed_total} and {@code ticketing_expiration_lateness_seconds}.
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
  private final MeterRegistry registry = Metrics.registry();
  private final Counter firstMeter = sentMeter("first");
  private final Counter retryMeter = sentMeter("retry");
  private final Counter acknowledgedMeter = Counter.builder("ticketing_expiration_acknowledged")
      .description("expiration:complete requests the orders service acknowledged").register(registry);
  private final Counter failedMeter = Counter.builder("ticketing_expiration_failed")
      .description("expiration:complete requests refused, timed out or without a consumer").register(registry);
  private final Timer latenessMeter = Timer.builder("ticketing_expiration_lateness")
      .description("How long after its expiresAt an order's expiration:complete was first sent")
      .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofMinutes(1))
      .register(registry);

  private Counter sentMeter(String attempt) {
    return Counter.builder("ticketing_expiration_sent").description("expiration:complete requests sent")
        .tag("attempt", attempt).register(registry);
  }

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
    firstMeter.increment();
    latenessMeter.record(Math.max(0, latenessMillis), TimeUnit.MILLISECONDS);
  }

  void recordRetry() {
    sent.incrementAndGet();
    retried.incrementAndGet();
    retryMeter.increment();
  }

  void recordAcknowledged() {
    acknowledged.incrementAndGet();
    acknowledgedMeter.increment();
  }

  void recordFailure() {
    failed.incrementAndGet();
    failedMeter.increment();
  }

  @Override
  public String toString() {
    return "sent " + sent() + ", acknowledged " + acknowledged() + ", failed " + failed() + ", retried " + retried()
        + ", lateness p99 " + lateness.percentileMillis(0.99) + " ms, max " + lateness.maxMillis() + " ms";
  }
}
