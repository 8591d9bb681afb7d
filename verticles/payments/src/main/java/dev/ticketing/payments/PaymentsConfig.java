package dev.ticketing.payments;

import dev.ticketing.payments.gateway.StripeSettings;
import dev.ticketing.platform.config.Settings;
import dev.ticketing.platform.delivery.RelaySettings;
import dev.ticketing.platform.mongo.MongoSettings;
import java.util.Locale;

/**
 * Everything the payments service reads at start-up, validated.
 *
 * @param currency          ISO currency of every charge, lower case; prices are in its minor unit
 * @param managementPort    port of /health and /ready (0: any free port)
 * @param refundSweepMillis how often to look for cancelled orders whose payment still awaits its refund
 */
public record PaymentsConfig(MongoSettings mongo, RelaySettings relay, StripeSettings stripe, String currency,
                             int managementPort, long refundSweepMillis) {

  public static PaymentsConfig from(Settings settings) {
    String currency = settings.string("PAYMENT_CURRENCY", "usd").toLowerCase(Locale.ROOT);
    if (!currency.matches("[a-z]{3}")) {
      settings.problem("PAYMENT_CURRENCY must be a three-letter ISO currency code such as usd, got '" + currency + "'");
    }
    return new PaymentsConfig(
        MongoSettings.from(settings, "payments"),
        RelaySettings.from(settings),
        StripeSettings.from(settings),
        currency,
        settings.integer("PAYMENTS_MANAGEMENT_PORT", 9105, 0, 65535),
        settings.longInteger("REFUND_SWEEP_MS", 30_000, 100, 86_400_000));
  }
}
