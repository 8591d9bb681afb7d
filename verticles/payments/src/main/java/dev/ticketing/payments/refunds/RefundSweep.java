package dev.ticketing.payments.refunds;

import dev.ticketing.payments.domain.PaymentOrder;
import dev.ticketing.payments.store.OrderStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The safety net of rule 11: every so often, refunds the cancelled orders that still hold money,
 * for example because Stripe was down when the cancellation or the late payment arrived. One
 * order at a time, so a Stripe outage costs one failed call per order per sweep, not a burst.
 */
public final class RefundSweep {

  private static final Logger log = LoggerFactory.getLogger(RefundSweep.class);
  private static final int BATCH = 100;

  private final Vertx vertx;
  private final OrderStore orders;
  private final Refunds refunds;
  private final long periodMillis;
  private boolean sweeping;
  private long timer = -1;

  public RefundSweep(Vertx vertx, OrderStore orders, Refunds refunds, long periodMillis) {
    this.vertx = vertx;
    this.orders = orders;
    this.refunds = refunds;
    this.periodMillis = periodMillis;
  }

  public Future<Void> start() {
    timer = vertx.setPeriodic(periodMillis, id -> sweep());
    return Future.succeededFuture();
  }

  public void stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }

  /** One pass; a pass still running when the timer fires again is not doubled. */
  public Future<Void> sweep() {
    if (sweeping) {
      return Future.succeededFuture();
    }
    sweeping = true;
    return orders.owingRefunds(BATCH)
        .compose(owing -> {
          if (!owing.isEmpty()) {
            log.info("Refund sweep found {} cancelled order(s) holding a payment", owing.size());
          }
          return refundEach(owing, 0);
        })
        .onFailure(failure -> log.warn("Refund sweep failed: {}", failure.getMessage()))
        .onComplete(done -> sweeping = false);
  }

  private Future<Void> refundEach(List<PaymentOrder> owing, int index) {
    if (index == owing.size()) {
      return Future.succeededFuture();
    }
    // A failed refund is logged by Refunds and left for the next sweep; the others still get theirs.
    return refunds.refundIfOwed(owing.get(index))
        .transform(done -> refundEach(owing, index + 1));
  }
}
