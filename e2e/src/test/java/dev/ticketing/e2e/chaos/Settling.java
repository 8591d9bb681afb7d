package dev.ticketing.e2e.chaos;

import dev.ticketing.platform.testing.PrivateSystem;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Map;

/**
 * Waits, after the last fault, until the system has nothing left in flight: no order still
 * waiting to expire, no outbox entry undelivered, no payment attempt or refund left open. How long
 * that took is part of the report; running out of time is not a failure by itself (the invariants
 * then say what is left).
 */
record Settling(boolean settled, long millis, String left) {

  static Settling await(Vertx vertx, PrivateSystem system, Duration limit) throws InterruptedException {
    return await(vertx, system.mongoUri(), system.stripeBase(), limit);
  }

  static Settling await(Vertx vertx, String mongoUri, String stripeBase, Duration limit) throws InterruptedException {
    long began = System.nanoTime();
    String left = "";
    while (System.nanoTime() - began < limit.toNanos()) {
      Snapshot now = Snapshot.read(vertx, mongoUri, stripeBase, PrivateSystem.STRIPE_KEY);
      long live = now.orders.values().stream().filter(order -> "created".equals(order.getString("status"))).count();
      long open = now.paymentOrders.values().stream()
          .filter(order -> order.containsKey("attemptKey") || order.containsKey("refundKey")).count();
      Map<String, Long> undelivered = now.undelivered();
      long outboxes = undelivered.values().stream().mapToLong(Long::longValue).sum();
      left = live + " orders still live, " + outboxes + " outboxes undelivered " + undelivered + ", " + open + " payments open";
      if (live == 0 && open == 0 && outboxes == 0) {
        return new Settling(true, (System.nanoTime() - began) / 1_000_000, "nothing");
      }
      Thread.sleep(1_000); // polls other processes' databases; there is nothing to be notified by
    }
    return new Settling(false, (System.nanoTime() - began) / 1_000_000, left);
  }
}
