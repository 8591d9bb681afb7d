package dev.ticketing.bench.phases;

import dev.ticketing.bench.load.Answer;
import dev.ticketing.bench.load.Call;
import dev.ticketing.bench.load.LoadGenerator;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;

/**
 * Steady buying: {@code buyers} people, each reserving a free ticket and paying it with a good card
 * at once, again and again. A purchase is complete when the payment answered 201, which means the
 * order is complete; order-to-complete runs from pressing Buy to that answer.
 */
public final class Purchases {

  /** What one round did. */
  public record Result(double completedPerSecond, double p50, double p99, long failed, boolean ranOut) {
  }

  private Purchases() {
  }

  public static Result run(Vertx vertx, LoadGenerator http, List<String> tickets, List<String> buyers, Duration duration) {
    ReserveThen.Outcome outcome = ReserveThen.run(http, tickets, buyers, duration,
        (buyer, orderId) -> pay(vertx, http, buyer, orderId, 5), status -> status == 201);
    return new Result(outcome.perSecond(), outcome.latencies().millisAt(50), outcome.latencies().millisAt(99),
        outcome.failed(), outcome.ranOut());
  }

  /** Pays; a "not ready yet" (409) or "try again" (503) is tried again a few times, as the web client does. */
  private static Future<Answer> pay(Vertx vertx, LoadGenerator http, String buyer, String orderId, int triesLeft) {
    return http.call(Call.post("/api/payments", buyer, "{\"orderId\":\"" + orderId + "\",\"token\":\"tok_visa\"}"))
        .compose(answer -> {
          if ((answer.status() == 409 || answer.status() == 503) && triesLeft > 1) {
            Promise<Answer> again = Promise.promise();
            vertx.setTimer(50, id -> pay(vertx, http, buyer, orderId, triesLeft - 1).onComplete(again));
            return again.future();
          }
          return Future.succeededFuture(answer);
        });
  }
}
