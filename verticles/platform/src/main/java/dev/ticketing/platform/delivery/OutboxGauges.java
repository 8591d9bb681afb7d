package dev.ticketing.platform.delivery;

import dev.ticketing.platform.metrics.Metrics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The outboxes' backlog as gauges, per collection and consumer group: entries waiting
 * ({@code ticketing_outbox_backlog_entries}), the oldest one's age
 * ({@code ticketing_outbox_oldest_entry_age_seconds}) and dead letters
 * ({@code ticketing_outbox_dead_letters}). A gauge is read when Prometheus scrapes, which must not
 * wait for a database, so the figures are measured every {@value #REFRESH_MILLIS} ms (from the
 * pending index: the cost is what waits, not what is stored) and the gauges show the last
 * measurement. A group that had a backlog and has none now reads 0.
 */
public final class OutboxGauges {

  static final long REFRESH_MILLIS = 5000;

  private final MeterRegistry registry = Metrics.registry();
  private final Map<String, AtomicLong> values = new ConcurrentHashMap<>();

  private OutboxGauges() {
  }

  /** Starts measuring the relays' backlogs periodically; returns the timer id. */
  public static long watch(Vertx vertx, List<OutboxRelay> relays) {
    OutboxGauges gauges = new OutboxGauges();
    return vertx.setPeriodic(0, REFRESH_MILLIS, id -> relays.forEach(relay -> relay.backlog()
        .onSuccess(gauges::show)));  // a failed measurement keeps the last figures; /ready tells the store is away
  }

  private void show(JsonObject backlog) {
    String collection = backlog.getString("collection");
    JsonObject groups = backlog.getJsonObject("groups", new JsonObject());
    JsonObject dead = backlog.getJsonObject("deadLetters", new JsonObject());
    values.keySet().stream().filter(key -> key.startsWith(collection + "/")).forEach(key -> values.get(key).set(0));
    groups.fieldNames().forEach(group -> {
      JsonObject figures = groups.getJsonObject(group);
      gauge("ticketing_outbox_backlog_entries", "Outbox entries waiting for their consumer group", collection, group, 1)
          .set(figures.getLong("entries", 0L));
      gauge("ticketing_outbox_oldest_entry_age_seconds", "Age of the oldest entry waiting, in seconds", collection, group, 1000)
          .set(figures.getLong("oldestAgeMillis", 0L));
    });
    dead.fieldNames().forEach(group -> gauge("ticketing_outbox_dead_letters",
        "Entries set aside after too many refusals, waiting for a replay", collection, group, 1).set(dead.getLong(group)));
  }

  /** The value behind a gauge, which shows it divided by {@code divisor} (1000: milliseconds shown as seconds). */
  private AtomicLong gauge(String name, String description, String collection, String group, double divisor) {
    return values.computeIfAbsent(collection + "/" + group + "/" + name, key -> {
      AtomicLong value = new AtomicLong();
      Gauge.builder(name, value, held -> held.get() / divisor).description(description)
          .tags("collection", collection, "group", group).register(registry);
      return value;
    });
  }
}
