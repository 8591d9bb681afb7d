package dev.ticketing.expiration.expiry;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * How late orders were sent: one counter per millisecond up to {@value #EXACT_UP_TO_MILLIS} ms,
 * one for everything later, and the exact maximum. Lock-free, so tests and metrics may read it from
 * any thread while the poller records on its event loop.
 */
public final class LatenessHistogram {

  static final int EXACT_UP_TO_MILLIS = 10_000;

  private final AtomicLongArray counts = new AtomicLongArray(EXACT_UP_TO_MILLIS + 1);
  private final AtomicLong total = new AtomicLong();
  private final AtomicLong max = new AtomicLong();

  /** Records one lateness; a negative one (clocks of two hosts disagree) counts as on time. */
  public void record(long latenessMillis) {
    long lateness = Math.max(0, latenessMillis);
    counts.incrementAndGet((int) Math.min(lateness, EXACT_UP_TO_MILLIS));
    total.incrementAndGet();
    max.accumulateAndGet(lateness, Math::max);
  }

  public long count() {
    return total.get();
  }

  public long maxMillis() {
    return max.get();
  }

  /**
   * The lateness that {@code fraction} (0.99 for p99) of the recorded ones did not exceed; 0 when
   * nothing was recorded. Beyond the exact range it answers the maximum.
   */
  public long percentileMillis(double fraction) {
    long recorded = total.get();
    if (recorded == 0) {
      return 0;
    }
    long wanted = Math.max(1, (long) Math.ceil(fraction * recorded));
    long seen = 0;
    for (int millis = 0; millis < EXACT_UP_TO_MILLIS; millis++) {
      seen += counts.get(millis);
      if (seen >= wanted) {
        return millis;
      }
    }
    return max.get();
  }
}
