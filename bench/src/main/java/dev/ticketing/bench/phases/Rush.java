package dev.ticketing.bench.phases;

import dev.ticketing.bench.load.Answer;
import dev.ticketing.bench.load.Await;
import dev.ticketing.bench.load.Call;
import dev.ticketing.bench.load.LoadGenerator;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The on-sale: {@code buyers} people, each with their own session, press Buy on a random one of
 * {@code tickets} for a while over {@code connections} connections. Exactly one order per ticket
 * may win; what each ticket shows afterwards, read back through the API, must be that order.
 */
public final class Rush {

  /** What one rush did. */
  public record Result(double attemptsPerSecond, double p50, double p99, long winners, long serverErrors, long doubles,
                       Map<Integer, Long> statuses) {
  }

  private Rush() {
  }

  public static Result run(LoadGenerator http, List<String> tickets, List<String> buyers, int connections, Duration duration)
      throws Exception {
    Map<String, List<String>> winners = new ConcurrentHashMap<>();
    LoadGenerator.Run run = Await.result(http.run(connections, duration, loop -> {
      ThreadLocalRandom random = ThreadLocalRandom.current();
      return Call.post("/api/orders", buyers.get(random.nextInt(buyers.size())),
          "{\"ticketId\":\"" + tickets.get(random.nextInt(tickets.size())) + "\"}");
    }, (call, answer) -> {
      if (answer.status() == 201) {
        JsonObject order = answer.body().toJsonObject();
        winners.computeIfAbsent(order.getJsonObject("ticket").getString("id"), id -> new java.util.concurrent.CopyOnWriteArrayList<>())
            .add(order.getString("id"));
      }
    }));
    long doubles = winners.values().stream().filter(orders -> orders.size() > 1).count() + shownWrong(http, winners);
    return new Result(run.perSecond(), run.latencies().millisAt(50), run.latencies().millisAt(99), winners.size(),
        run.serverErrors(), doubles, run.statuses());
  }

  /**
   * Tickets that do not show their one winning order, read back through the API (a reservation
   * shows after an event; this waits, a little, for it).
   */
  private static long shownWrong(LoadGenerator http, Map<String, List<String>> winners) throws Exception {
    AtomicLong wrong = new AtomicLong();
    for (int attempt = 0; attempt < 50; attempt++) {
      wrong.set(0);
      for (Map.Entry<String, List<String>> won : winners.entrySet()) {
        Answer shown = Await.result(http.call(Call.get("/api/tickets/" + won.getKey())));
        if (shown.status() != 200 || !won.getValue().get(0).equals(shown.body().toJsonObject().getString("orderId"))) {
          wrong.incrementAndGet();
        }
      }
      if (wrong.get() == 0) {
        return 0;
      }
      Thread.sleep(200); // the reservations are still on their way; look again
    }
    return wrong.get();
  }
}
