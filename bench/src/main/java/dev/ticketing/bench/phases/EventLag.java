package dev.ticketing.bench.phases;

import dev.ticketing.bench.load.Await;
import dev.ticketing.bench.load.Call;
import dev.ticketing.bench.load.Latencies;
import dev.ticketing.bench.load.LoadGenerator;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How long an accepted order takes to show on its ticket: orders sent at a steady rate (an open
 * loop, not as fast as answered), each timed from its 201 to the moment the live feed showed the
 * ticket held by it. The reservation crosses two events (order:created to tickets, which writes
 * and publishes), so this is the lag a watcher of the listing sees.
 */
public final class EventLag {

  /** What one round saw. */
  public record Result(double ratePerSecond, double p50, double p99, long seen, long accepted) {
  }

  private EventLag() {
  }

  /** {@code shown} is fed by the live feed: ticket id to the wall-clock millis its reservation showed. */
  public static Result run(Vertx vertx, LoadGenerator http, List<String> tickets, List<String> buyers, int perSecond,
                           Map<String, Long> shown) throws Exception {
    Map<String, Long> accepted = new ConcurrentHashMap<>();
    AtomicInteger next = new AtomicInteger();
    Promise<Void> sent = Promise.promise();
    long began = System.nanoTime();
    int perTick = Math.max(1, perSecond / 100);
    long timer = vertx.setPeriodic(10, id -> {
      for (int i = 0; i < perTick; i++) {
        int n = next.getAndIncrement();
        if (n >= tickets.size()) {
          sent.tryComplete();
          return;
        }
        String ticket = tickets.get(n);
        http.call(Call.post("/api/orders", buyers.get(n % buyers.size()), "{\"ticketId\":\"" + ticket + "\"}"))
            .onSuccess(answer -> {
              if (answer.status() == 201) {
                accepted.put(ticket, System.currentTimeMillis());
              }
            });
      }
    });
    Await.result(sent.future());
    vertx.cancelTimer(timer);
    double rate = tickets.size() / ((System.nanoTime() - began) / 1e9);
    Thread.sleep(3_000); // the last reservations are on their way to the feed
    Latencies lag = new Latencies();
    long seen = 0;
    for (Map.Entry<String, Long> order : accepted.entrySet()) {
      Long at = shown.get(order.getKey());
      if (at != null) {
        lag.record(Math.max(0, at - order.getValue()) * 1_000_000L);
        seen++;
      }
    }
    return new Result(rate, lag.millisAt(50), lag.millisAt(99), seen, accepted.size());
  }

  /** Records, from the live feed, when each ticket first showed an order. */
  public static void watch(JsonObject ticket, long at, Map<String, Long> shown) {
    if (ticket.getValue("orderId") != null) {
      shown.putIfAbsent(ticket.getString("id"), at);
    }
  }

  static Duration wait(int count, int perSecond) {
    return Duration.ofMillis(1000L * count / Math.max(1, perSecond));
  }
}
