package dev.ticketing.platform.delivery;

import dev.ticketing.contracts.events.ConsumerGroup;
import dev.ticketing.platform.metrics.Metrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one relay has done, readable from any thread (tests) and exported as metrics: entries
 * acknowledged, failed passes scheduled again, entries set aside as dead letters, and the delay
 * from an entry's write to its acknowledgement, which is the event lag its consumers see:
 * {@code ticketing_outbox_delivered_total}, {@code ticketing_outbox_failed_attempts_total},
 * {@code ticketing_outbox_dead_lettered_total} and {@code ticketing_outbox_delivery_lag_seconds},
 * per collection and (but for failed passes, which are per document) consumer group.
 */
public final class RelayCounters {

  private final String collection;
  private final MeterRegistry registry = Metrics.registry();
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong failedAttempts = new AtomicLong();
  private final AtomicLong deadLettered = new AtomicLong();
  private final AtomicLong lastLagMillis = new AtomicLong();
  private final AtomicLong maxLagMillis = new AtomicLong();
  private final Counter failedMeter;
  private final Map<ConsumerGroup, GroupMeters> groupMeters = new ConcurrentHashMap<>();

  RelayCounters(String collection) {
    this.collection = collection;
    this.failedMeter = Counter.builder("ticketing_outbox_failed_attempts")
        .description("Delivery passes over a document that did not settle and were scheduled again")
        .tag("collection", collection).register(registry);
  }

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

  void delivered(ConsumerGroup group, long lagMillis) {
    delivered.incrementAndGet();
    long lag = Math.max(0, lagMillis);
    lastLagMillis.set(lag);
    maxLagMillis.accumulateAndGet(lag, Math::max);
    GroupMeters meters = meters(group);
    meters.delivered().increment();
    meters.lag().record(lag, TimeUnit.MILLISECONDS);
  }

  void failedAttempt() {
    failedAttempts.incrementAndGet();
    failedMeter.increment();
  }

  void setAside(ConsumerGroup group) {
    deadLettered.incrementAndGet();
    meters(group).deadLettered().increment();
  }

  /** One group's meters, registered the first time that group is delivered to (so no series for groups this outbox never serves). */
  private GroupMeters meters(ConsumerGroup group) {
    return groupMeters.computeIfAbsent(group, key -> new GroupMeters(
        Counter.builder("ticketing_outbox_delivered").description("Outbox entries their consumer group acknowledged")
            .tags("collection", collection, "group", key.wireName()).register(registry),
        Counter.builder("ticketing_outbox_dead_lettered").description("Outbox entries set aside after too many refusals")
            .tags("collection", collection, "group", key.wireName()).register(registry),
        Timer.builder("ticketing_outbox_delivery_lag").description("From an event's write to its group's acknowledgement")
            .tags("collection", collection, "group", key.wireName())
            .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofMinutes(5))
            .register(registry)));
  }

  private record GroupMeters(Counter delivered, Counter deadLettered, Timer lag) {
  }
}
