package dev.ticketing.expiration.expiry;

import dev.ticketing.expiration.store.ExpirationSchedule;
import dev.ticketing.platform.metrics.Metrics;
import io.micrometer.core.instrument.Gauge;
import io.vertx.core.Vertx;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ticketing_expiration_queue_depth}: orders waiting in Redis, {@code state} scheduled (not
 * due yet, or due and not yet claimed) or claimed (sent, not yet acknowledged). A scrape must not
 * wait for Redis, so the depth is read every {@value #REFRESH_MILLIS} ms and the gauge shows the
 * last reading. The whole schedule, shared by every instance: each instance reports the same figure.
 */
public final class QueueDepth {

  static final long REFRESH_MILLIS = 5000;

  private QueueDepth() {
  }

  public static long watch(Vertx vertx, ExpirationSchedule schedule) {
    AtomicLong scheduled = gauge("scheduled");
    AtomicLong claimed = gauge("claimed");
    return vertx.setPeriodic(0, REFRESH_MILLIS, id -> schedule.depth().onSuccess(depth -> {
      scheduled.set(depth[0]);
      claimed.set(depth[1]);
    }));
  }

  private static AtomicLong gauge(String state) {
    AtomicLong value = new AtomicLong();
    Gauge.builder("ticketing_expiration_queue_depth", value, AtomicLong::get)
        .description("Orders waiting in the expiration schedule").tag("state", state).register(Metrics.registry());
    return value;
  }
}
