package dev.ticketing.bench.phases;

import dev.ticketing.bench.load.Await;
import dev.ticketing.bench.load.Call;
import dev.ticketing.bench.load.Latencies;
import dev.ticketing.bench.load.LoadGenerator;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

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
    Queue<String> free = new ConcurrentLinkedQueue<>(tickets);
    Latencies pair = new Latencies();
    AtomicLong done = new AtomicLong();
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
        return http.call(Call.delete("/api/orders/" + order.body().toJsonObject().getString("id"), buyer)).onSuccess(cancelled -> {
          if (cancelled.status() / 100 == 2) {
            done.incrementAndGet();
            pair.record(System.nanoTime() - start);
          } else {
            failed.incrementAndGet();
          }
        });
      });
    }));
    return new Result(done.get() / ((System.nanoTime() - began) / 1e9), pair.millisAt(99), failed.get());
  }
}
