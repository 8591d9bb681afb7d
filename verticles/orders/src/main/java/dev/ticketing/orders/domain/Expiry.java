package dev.ticketing.orders.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** When an unpaid order stops holding its ticket, and when an expiry notice may be acted on. */
public final class Expiry {

  /**
   * The expiration service runs on another machine, whose clock may run slightly ahead of ours:
   * a notice that arrives this little early is honoured rather than bounced for a second.
   */
  public static final Duration CLOCK_SKEW_TOLERANCE = Duration.ofSeconds(1);

  private Expiry() {
  }

  /** {@code now + window}, to the millisecond (the precision JavaScript clients parse). */
  public static Instant expiresAt(Instant now, Duration window) {
    return now.truncatedTo(ChronoUnit.MILLIS).plus(window);
  }

  /** True when an order expiring at {@code expiresAt} may be cancelled for expiry at {@code now}. */
  public static boolean isDue(Instant now, Instant expiresAt) {
    return !now.isBefore(expiresAt.minus(CLOCK_SKEW_TOLERANCE));
  }
}
