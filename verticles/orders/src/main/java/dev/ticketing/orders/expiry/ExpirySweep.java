package dev.ticketing.orders.expiry;

import dev.ticketing.orders.domain.OrderStatus;
import dev.ticketing.orders.store.OrderStore;
import dev.ticketing.orders.store.Transition;
import dev.ticketing.platform.mongo.DueKeys;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Our own safety net for expiry. The expiration service cancels orders on time from its Redis
 * schedule; if that schedule is lost (Redis without its AOF, a FLUSHALL, a failover, a service
 * pointed at another Redis), a live order would hold its ticket and its buyer's slot for ever.
 * Every live order carries an expiry key for {@code expiresAt} plus a grace (moved past a payment
 * lease while one runs), and this sweep cancels the orders whose key is due, oldest first. It reads
 * the expiry index, so it costs what is overdue, not what is stored; each order is claimed before
 * it is acted on, so several orders instances do not all act on it.
 */
public final class ExpirySweep {

  private static final Logger log = LoggerFactory.getLogger(ExpirySweep.class);
  private static final int BATCH = 200;
  private static final long CLAIM_MILLIS = 30_000;

  private final Vertx vertx;
  private final OrderStore orders;
  private final Clock clock;
  private final long periodMillis;
  private boolean sweeping;
  private long timer = -1;

  public ExpirySweep(Vertx vertx, OrderStore orders, Clock clock, long periodMillis) {
    this.vertx = vertx;
    this.orders = orders;
    this.clock = clock;
    this.periodMillis = periodMillis;
  }

  public void start() {
    timer = vertx.setPeriodic(periodMillis, id -> sweep());
  }

  public void stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }

  /** One pass; a pass still running when the timer fires again is not doubled. */
  public Future<Integer> sweep() {
    if (sweeping) {
      return Future.succeededFuture(0);
    }
    sweeping = true;
    Instant now = clock.instant();
    DueKeys expiries = orders.expiries();
    return expiries.due(now.toEpochMilli(), BATCH)
        .compose(due -> Future.all(due.stream().map(order -> expiries.claim(order, now.toEpochMilli() + CLAIM_MILLIS)
            .compose(claimed -> claimed ? expire(order.id(), now) : Future.succeededFuture(false))).toList()))
        .map(results -> (int) results.<Boolean>list().stream().filter(Boolean.TRUE::equals).count())
        .onSuccess(cancelled -> {
          if (cancelled > 0) {
            log.warn("expiry safety net cancelled {} overdue order(s): is the expiration service running, with its schedule?",
                cancelled);
          }
        })
        .onFailure(failure -> log.warn("expiry safety net failed: {}", failure.getMessage()))
        .timeout(periodMillis * 10, TimeUnit.MILLISECONDS)
        .onComplete(done -> sweeping = false);
  }

  private Future<Boolean> expire(String orderId, Instant now) {
    return orders.find(orderId).compose(order -> {
      if (order == null || order.status() != OrderStatus.CREATED) {
        return orders.forgetExpiry(orderId).map(false);
      }
      if (order.leaseLive(now)) {
        return Future.succeededFuture(false); // its key moved past the lease when it was granted; the claim covers until then
      }
      return orders.cancel(order, "expired-safety-net").map(transition -> transition == Transition.DONE);
    });
  }
}
