package dev.ticketing.bench.phases;

import dev.ticketing.bench.load.Await;
import dev.ticketing.bench.load.Call;
import dev.ticketing.bench.load.Latencies;
import dev.ticketing.bench.load.LoadGenerator;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many unpaid orders falling due together: {@code count} orders placed as fast as the system takes
 * them, left unpaid, and each one's lateness measured from its {@code expiresAt} to the moment the
 * live feed showed its ticket free again (cancelled by expiry, ticket released). How close together
 * they fall due is the speed they were placed at, and is reported with them.
 */
public final class ExpirationStorm {

  /** What the storm did. */
  public record Result(long orders, double dueWithinSeconds, double p50, double p99, double max, double allFreeAfterSeconds,
                       long released) {
  }

  private ExpirationStorm() {
  }

  /** {@code freed}: ticket id to when the live feed showed it free again after being held (fed by the caller). */
  public static Result run(LoadGenerator http, List<String> tickets, List<String> buyers, int loops, Duration window,
                           Map<String, Long> freed) throws Exception {
    Map<String, Long> due = new ConcurrentHashMap<>();
    AtomicInteger next = new AtomicInteger();
    Await.result(http.run(loops, Duration.ofMinutes(10), loop -> {
      int n = next.getAndIncrement();
      return n >= tickets.size() ? null
          : Call.post("/api/orders", buyers.get(n % buyers.size()), "{\"ticketId\":\"" + tickets.get(n) + "\"}");
    }, (call, answer) -> {
      if (answer.status() == 201) {
        JsonObject order = answer.body().toJsonObject();
        due.put(order.getJsonObject("ticket").getString("id"), Instant.parse(order.getString("expiresAt")).toEpochMilli());
      }
    }));
    long firstDue = due.values().stream().mapToLong(Long::longValue).min().orElse(0);
    long lastDue = due.values().stream().mapToLong(Long::longValue).max().orElse(0);
    long deadline = lastDue + window.toMillis();
    while (System.currentTimeMillis() < deadline && !due.keySet().stream().allMatch(freed::containsKey)) {
      Thread.sleep(250); // the storm runs in the system; this only waits for the feed to show it
    }
    Latencies lateness = new Latencies();
    long lastFreed = 0;
    long released = 0;
    for (Map.Entry<String, Long> order : due.entrySet()) {
      Long at = freed.get(order.getKey());
      if (at != null) {
        lateness.record(Math.max(0, at - order.getValue()) * 1_000_000L);
        lastFreed = Math.max(lastFreed, at);
        released++;
      }
    }
    return new Result(due.size(), (lastDue - firstDue) / 1000.0, lateness.millisAt(50), lateness.millisAt(99),
        lateness.histogram().getMaxValue() / 1000.0, released == due.size() ? (lastFreed - lastDue) / 1000.0 : Double.NaN,
        released);
  }

  /** Records, from the live feed, when a ticket that had shown an order showed none again. */
  public static void watch(JsonObject ticket, long at, Map<String, Boolean> held, Map<String, Long> freed) {
    String id = ticket.getString("id");
    if (ticket.getValue("orderId") != null) {
      held.put(id, true);
    } else if (held.containsKey(id)) {
      freed.putIfAbsent(id, at);
    }
  }
}
