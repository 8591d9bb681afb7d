package dev.ticketing.orders;

import dev.ticketing.platform.config.Settings;
import dev.ticketing.platform.delivery.RelaySettings;
import dev.ticketing.platform.mongo.MongoSettings;
import java.time.Duration;

/**
 * Everything the orders service reads at start-up, validated.
 *
 * @param orderExpiration    how long an unpaid order holds its ticket
 * @param maxActiveHolds     how many unpaid orders one user may hold at once
 * @param managementPort     port of /health and /ready (0: any free port)
 */
public record OrdersConfig(MongoSettings mongo, RelaySettings relay, Duration orderExpiration, int maxActiveHolds,
                           int managementPort) {

  public static OrdersConfig from(Settings settings) {
    return new OrdersConfig(
        MongoSettings.from(settings, "orders"),
        RelaySettings.from(settings),
        Duration.ofSeconds(settings.integer("ORDER_EXPIRATION_SECONDS", 900, 1, 86_400)),
        settings.integer("MAX_ACTIVE_HOLDS_PER_USER", 10, 1, 1000),
        settings.integer("ORDERS_MANAGEMENT_PORT", 9103, 0, 65535));
  }
}
