package dev.ticketing.platform.delivery;

import dev.ticketing.platform.config.Settings;

/**
 * Tuning of the outbox relay.
 *
 * @param sweepMillis       how often to look for documents whose entries nobody is delivering
 *                          (after a crash, or left by another instance)
 * @param sendTimeoutMillis how long a consumer may take to acknowledge
 * @param backoffMinMillis  first retry delay after a failed delivery; doubles per failure
 * @param backoffMaxMillis  longest retry delay, so a returning consumer is served within this
 * @param maxInFlight       documents being delivered at once; more wait their turn in memory (and
 *                          in the pending index, so nothing is lost if they wait too long)
 * @param deadLetterAfter   refusals of one entry by its consumer before the entry is set aside as a
 *                          dead letter (a consumer that is away or slow is retried for ever instead)
 * @param storeTimeoutMillis longest wait for one database call of the relay
 */
public record RelaySettings(long sweepMillis, long sendTimeoutMillis, long backoffMinMillis,
                            long backoffMaxMillis, int maxInFlight, int deadLetterAfter, long storeTimeoutMillis) {

  public static RelaySettings defaults() {
    return new RelaySettings(1000, 5000, 100, 5000, 128, 10, 10_000);
  }

  public static RelaySettings from(Settings settings) {
    RelaySettings d = defaults();
    return new RelaySettings(
        settings.longInteger("OUTBOX_SWEEP_MS", d.sweepMillis(), 10, 600_000),
        settings.longInteger("OUTBOX_SEND_TIMEOUT_MS", d.sendTimeoutMillis(), 100, 600_000),
        settings.longInteger("OUTBOX_BACKOFF_MIN_MS", d.backoffMinMillis(), 1, 600_000),
        settings.longInteger("OUTBOX_BACKOFF_MAX_MS", d.backoffMaxMillis(), 1, 3_600_000),
        settings.integer("OUTBOX_MAX_IN_FLIGHT", d.maxInFlight(), 1, 100_000),
        settings.integer("OUTBOX_DEAD_LETTER_AFTER", d.deadLetterAfter(), 1, 1_000_000),
        settings.longInteger("OUTBOX_STORE_TIMEOUT_MS", d.storeTimeoutMillis(), 100, 600_000));
  }

  /** The delay before retry number {@code attempt} (1 = the first retry), before jitter. */
  long backoff(int attempt) {
    return Math.min(backoffMaxMillis, backoffMinMillis << Math.min(attempt - 1, 20));
  }
}
