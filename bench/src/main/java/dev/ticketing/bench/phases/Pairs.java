package dev.ticketing.bench.phases;

import dev.ticketing.bench.load.Call;
import dev.ticketing.bench.load.LoadGenerator;
import java.time.Duration;
import java.util.List;

/**
 * Changing one's mind: {@code buyers} people, each reserving a free ticket and cancelling the order
 * at once, again and again. Run at several concurrencies: a rate that does not grow with the
 * buyers means something serializes them.
 */
public final class Pairs {

  /** What one round did. */
  public record Result(double pairsPerSecond, double p99, long failed) {
  }

  private Pairs() {
  }

  public static Result run(LoadGenerator http, List<String> tickets, List<String> buyers, Duration duration) {
    ReserveThen.Outcome outcome = ReserveThen.run(http, tickets, buyers, duration,
        (buyer, orderId) -> http.call(Call.delete("/api/orders/" + orderId, buyer)), status -> status / 100 == 2);
    return new Result(outcome.perSecond(), outcome.latencies().millisAt(99), outcome.failed());
  }
}
