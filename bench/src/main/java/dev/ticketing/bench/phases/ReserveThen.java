package dev.ticketing.bench.phases;

import dev.ticketing.bench.load.Answer;
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
import java.util.function.BiFunction;
import java.util.function.IntPredicate;

/**
 * The loop the purchase and the pairs sections share: {@code buyers} people, each reserving a free
 * ticket and then taking a second step on the order at once (pay it, cancel it), again and again
 * until the time is up or the tickets run out. A flow counts when the reservation was 201 and the
 * second step's status passes {@code succeeded}; its latency runs from pressing Buy to that answer.
 */
final class ReserveThen {

  /** What one run did: completed flows per second, their latencies, failures, and whether tickets ran out. */
  record Outcome(double perSecond, Latencies latencies, long failed, boolean ranOut) {
  }

  private ReserveThen() {
  }

  static Outcome run(LoadGenerator http, List<String> tickets, List<String> buyers, Duration duration,
                     BiFunction<String, String, Future<Answer>> next, IntPredicate succeeded) {
    Queue<String> free = new ConcurrentLinkedQueue<>(tickets);
    Latencies latencies = new Latencies();
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
        return next.apply(buyer, order.body().toJsonObject().getString("id")).onSuccess(answer -> {
          if (succeeded.test(answer.status())) {
            completed.incrementAndGet();
            latencies.record(System.nanoTime() - start);
          } else {
            failed.incrementAndGet();
          }
        });
      });
    }));
    return new Outcome(completed.get() / ((System.nanoTime() - began) / 1e9), latencies, failed.get(), free.isEmpty());
  }
}
