package dev.ticketing.orders;

import dev.ticketing.platform.config.Settings;
import dev.ticketing.platform.delivery.RelaySettings;
import dev.ticketing.platform.mongo.MongoSettings;
import java.time.Duration;

/**
 * Everything the orders service reads at start-up, validated.
 *
 * @param orderExpiration    how long an unpaid order holds its ticket (ORDER_EXPIRATION_SECONDS)
 * @param maxActiveHolds     how many unpaid orders one user may hold at once (MAX_ACTIVE_HOLDS_PER_USER)
 * @param managementPort     port of /health and /ready (0: any free port)
 * @param expiryGrace        how long past its expiresAt a live order waits for the expiration service
 *                           before our own safety net cancels it (ORDER_EXPIRY_GRACE_SECONDS)
 * @param expirySweepMillis  how often the safety net looks (ORDER_EXPIRY_SWEEP_MS)
 * @param paymentLease       how long a payment in progress holds expiry back (PAYMENT_LEASE_SECONDS)
 * @param replicaWait        how long a request waits for another service's news it depends on (the
 *                           reservation of the ticket it pays for, say) before giving up (REPLICA_WAIT_MS)
 */
public record OrdersConfig(MongoSettings mongo, RelaySettings relay, Duration orderExpiration, int maxActiveHolds,
                           int managementPort, Duration expiryGrace, long expirySweepMillis, Duration paymentLease,
                           Duration replicaWait) {

  public static final int DEFAULT_MANAGEMENT_PORT = 9103;

  public static OrdersConfig from(Settings settings) {
    return new OrdersConfig(
        MongoSettings.from(settings, "orders"),
        RelaySettings.from(settings),
        Duration.ofSeconds(settings.integer("ORDER_EXPIRATION_SECONDS", 900, 1, 86_400)),
        settings.integer("MAX_ACTIVE_HOLDS_PER_USER", 10, 1, 1000),
        settings.integer("ORDERS_MANAGEMENT_PORT", DEFAULT_MANAGEMENT_PORT, 0, 65535),
        Duration.ofSeconds(settings.integer("ORDER_EXPIRY_GRACE_SECONDS", 10, 0, 86_400)),
        settings.longInteger("ORDER_EXPIRY_SWEEP_MS", 2_000, 10, 3_600_000),
        Duration.ofSeconds(settings.integer("PAYMENT_LEASE_SECONDS", 30, 1, 3_600)),
        Duration.ofMillis(settings.longInteger("REPLICA_WAIT_MS", 3_000, 0, 60_000)));
  }

  /** The defaults of every tuning value, with the given store, relay and window: what tests start from. */
  public static OrdersConfig of(MongoSettings mongo, RelaySettings relay, Duration orderExpiration, int maxActiveHolds) {
    return new OrdersConfig(mongo, relay, orderExpiration, maxActiveHolds, 0, Duration.ofSeconds(10), 2_000,
        Duration.ofSeconds(30), Duration.ofMillis(3_000));
  }
}
