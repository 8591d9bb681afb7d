package dev.ticketing.expiration;

import dev.ticketing.platform.config.Settings;
import dev.ticketing.platform.redis.RedisSettings;

/**
 * Everything the expiration service reads at start-up, validated.
 *
 * @param managementPort    port of /health and /ready (0: any free port)
 * @param pollMillis        how often due orders are looked for (a full batch polls again at once)
 * @param batchSize         most orders claimed by one poll
 * @param leaseMillis       how long a claimed order may wait for its acknowledgement before any
 *                          poll (of any instance) may claim and send it again
 * @param maxInFlight       most expiration:complete requests awaiting their acknowledgement
 * @param sendTimeoutMillis how long one request waits for its acknowledgement
 */
public record ExpirationConfig(RedisSettings redis, int managementPort, long pollMillis, int batchSize,
                               long leaseMillis, int maxInFlight, long sendTimeoutMillis) {

  public static ExpirationConfig from(Settings settings) {
    ExpirationConfig config = new ExpirationConfig(
        RedisSettings.from(settings),
        settings.integer("EXPIRATION_MANAGEMENT_PORT", 9104, 0, 65535),
        settings.longInteger("EXPIRATION_POLL_MS", 100, 1, 60_000),
        settings.integer("EXPIRATION_BATCH", 500, 1, 5_000),
        settings.longInteger("EXPIRATION_LEASE_MS", 10_000, 100, 3_600_000),
        settings.integer("EXPIRATION_MAX_IN_FLIGHT", 256, 1, 100_000),
        settings.longInteger("EXPIRATION_SEND_TIMEOUT_MS", 5_000, 1, 600_000));
    // A lease shorter than a request's timeout lets another poll claim an order whose first
    // request is still waiting, so orders would be sent twice as a matter of course.
    if (config.leaseMillis() <= config.sendTimeoutMillis()) {
      settings.problem("EXPIRATION_LEASE_MS (" + config.leaseMillis() + ") must be longer than EXPIRATION_SEND_TIMEOUT_MS ("
          + config.sendTimeoutMillis() + ")");
    }
    return config;
  }
}
