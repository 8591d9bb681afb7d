package dev.ticketing.payments.settle;

import dev.ticketing.platform.metrics.Metrics;
import io.micrometer.core.instrument.Counter;

/**
 * {@code ticketing_payments_total} by outcome, counted where each outcome is recorded: succeeded
 * (a payment recorded against its order, however it was learnt), declined (the card was refused),
 * refunded (money given back: the order was cancelled meanwhile), and what the reconciler settled
 * of attempts whose answer was lost: reconciled_paid (also counted as succeeded) and
 * reconciled_closed (nothing was taken).
 */
public enum PaymentOutcomes {
  SUCCEEDED, DECLINED, REFUNDED, RECONCILED_PAID, RECONCILED_CLOSED;

  private final Counter counter = Counter.builder("ticketing_payments")
      .description("Payment outcomes as the payments service recorded them")
      .tag("outcome", name().toLowerCase()).register(Metrics.registry());

  public void count() {
    counter.increment();
  }

  /** Creates every outcome's series at 0 when the service starts, so a rate is defined before the first payment. */
  public static void register() {
    values();
  }
}
