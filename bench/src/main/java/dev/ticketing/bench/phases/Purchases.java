package dev.ticketing.bench.phases;

import dev.ticketing.bench.load.Answer;
import dev.ticketing.bench.load.Await;
import dev.ticketing.bench.load.Call;
import dev.ticketing.bench.load.Latencies;
import dev.ticketing.bench.load.LoadGenerator;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

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

  public static Result run(Vertx vertx, LoadGenerator http, List<String> tickets, List<String> buyers, Duration duration)
      throws Exception {
    Queue<String> free = new ConcurrentLinkedQueue<>(tickets);
    Latencies orderToComplete = new Latencies();
    AtomicLong completed = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    long began = System.nanoTime();
    Await.result(http.flows(buyers.size(), duration, loop -> {
      String ticket = free.poll();
      if (ticket == null) {
        return null;
      }
      String buyer = buyers.get(loop);
      long start = System.nanoTime();
      return http.call(Call.post("/api/orders", buyer, "{\"ticketId\":\"" + ticket + "\"}")).compose(order -> {
        if (order.status() != 201) {
          failed.incrementAndGet();
          return Future.succeededFuture();
        }
        return pay(vertx, http, buyer, order.body().toJsonObject().getString("id"), 5).onSuccess(paid -> {
          if (paid.status() == 201) {
            completed.incrementAndGet();
            orderToComplete.record(System.nanoTime() - start);
          } else {
            failed.incrementAndGet();
          }
        });
      });
    }));
    double seconds = (System.nanoTime() - began) / 1e9;
    return new Result(completed.get() / seconds, orderToComplete.millisAt(50), orderToComplete.millisAt(99), failed.get(),
        free.isEmpty());
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
