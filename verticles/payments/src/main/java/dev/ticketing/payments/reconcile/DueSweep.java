package dev.ticketing.payments.reconcile;

import dev.ticketing.platform.mongo.DueKeys;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works through the orders whose due key (see DueKeys) says something is left to do: every so
 * often, the due ones, oldest first, each claimed for a while before it is worked on, so another
 * instance's sweep does not take it too, and whoever dies holding it only delays it. Reads the due
 * index, so it costs what is due, not what is stored. One pass at a time.
 */
final class DueSweep {

  private static final Logger log = LoggerFactory.getLogger(DueSweep.class);
  private static final int BATCH = 100;

  private final Vertx vertx;
  private final DueKeys keys;
  private final String what;
  private final long periodMillis;
  private final long claimMillis;
  private final Function<String, Future<?>> work;
  private boolean sweeping;
  private long timer = -1;

  DueSweep(Vertx vertx, DueKeys keys, String what, long periodMillis, long claimMillis, Function<String, Future<?>> work) {
    this.vertx = vertx;
    this.keys = keys;
    this.what = what;
    this.periodMillis = periodMillis;
    this.claimMillis = claimMillis;
    this.work = work;
  }

  void start() {
    timer = vertx.setPeriodic(periodMillis, id -> sweep());
  }

  void stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }

  /** One pass; a failure of one order is logged by its work and leaves it due again after the claim. */
  Future<Void> sweep() {
    if (sweeping) {
      return Future.succeededFuture();
    }
    sweeping = true;
    long now = System.currentTimeMillis();
    return keys.due(now, BATCH)
        .compose(due -> {
          if (!due.isEmpty()) {
            log.info("{}: {} order(s) due", what, due.size());
          }
          return Future.join(due.stream().map(order -> keys.claim(order, now + claimMillis)
              .compose(claimed -> claimed ? work.apply(order.id()) : Future.succeededFuture())).toList());
        })
        .<Void>mapEmpty()
        .onFailure(failure -> log.warn("{} failed: {}", what, failure.getMessage()))
        .timeout(Math.max(periodMillis, claimMillis), TimeUnit.MILLISECONDS)
        .onComplete(done -> sweeping = false);
  }
}
