package dev.ticketing.platform.delivery;

import dev.ticketing.platform.config.Settings;

/**
 * Tuning of the outbox relay.
 *
 * @param sweepMillis       how often to look for entries nobody is delivering (after a restart, say)
 * @param sendTimeoutMillis how long a consumer may take to acknowledge
 * @param backoffMinMillis  first retry delay after a failed delivery; doubles per failure
 * @param backoffMaxMillis  longest retry delay, so a returning consumer is served within this
 * @param sweepBatch        documents picked up per sweep
 */
public record RelaySettings(long sweepMillis, long sendTimeoutMillis, long backoffMinMillis,
                            long backoffMaxMillis, int sweepBatch) {

  public static RelaySettings defaults() {
    return new RelaySettings(1000, 5000, 100, 5000, 500);
  }

  public static RelaySettings from(Settings settings) {
    RelaySettings d = defaults();
    return new RelaySettings(
        settings.longInteger("OUTBOX_SWEEP_MS", d.sweepMillis(), 10, 600_000),
        settings.longInteger("OUTBOX_SEND_TIMEOUT_MS", d.sendTimeoutMillis(), 100, 600_000),
        settings.longInteger("OUTBOX_BACKOFF_MIN_MS", d.backoffMinMillis(), 1, 600_000),
        settings.longInteger("OUTBOX_BACKOFF_MAX_MS", d.backoffMaxMillis(), 1, 3_600_000),
        settings.integer("OUTBOX_SWEEP_BATCH", d.sweepBatch(), 1, 100_000));
  }
}
