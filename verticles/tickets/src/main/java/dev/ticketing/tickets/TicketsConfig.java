package dev.ticketing.tickets;

import dev.ticketing.platform.config.Settings;
import dev.ticketing.platform.delivery.RelaySettings;
import dev.ticketing.platform.mongo.MongoSettings;

/**
 * Everything the tickets service reads at start-up, validated.
 *
 * @param managementPort port of /health and /ready (0: any free port)
 */
public record TicketsConfig(MongoSettings mongo, RelaySettings relay, int managementPort) {

  public static TicketsConfig from(Settings settings) {
    return new TicketsConfig(
        MongoSettings.from(settings, "tickets"),
        RelaySettings.from(settings),
        settings.integer("TICKETS_MANAGEMENT_PORT", 9102, 0, 65535));
  }
}
