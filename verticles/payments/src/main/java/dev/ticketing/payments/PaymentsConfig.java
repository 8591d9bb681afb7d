package dev.ticketing.payments;

import dev.ticketing.payments.stripe.StripeSettings;
import dev.ticketing.platform.config.Settings;
import dev.ticketing.platform.delivery.RelaySettings;
import dev.ticketing.platform.mongo.MongoSettings;
import java.util.Locale;

/**
 * Everything the payments service reads at start-up, validated.
 *
 * @param currency             ISO currency of every charge, lower case; prices are in its minor unit
 * @param managementPort       port of /health and /ready (0: any free port)
 * @param sweepMillis          how often refunds owed and attempts left open are looked for
 *                             (REFUND_SWEEP_MS)
 * @param reconcileAfterMillis how long after an attempt started the reconciler asks Stripe how it
 *                             ended, if nobody has recorded it (PAYMENT_RECONCILE_AFTER_MS); longer
 *                             than a confirmation can take with all its retries
 * @param ordersTimeoutMillis  how long the orders service may take to grant a lease or say how an
 *                             order ended (ORDERS_TIMEOUT_MS)
 */
public record PaymentsConfig(MongoSettings mongo, RelaySettings relay, StripeSettings stripe, String currency,
                             int managementPort, long sweepMillis, long reconcileAfterMillis, long ordersTimeoutMillis) {

  public static final int DEFAULT_MANAGEMENT_PORT = 9105;

  public static PaymentsConfig from(Settings settings) {
    String currency = settings.string("PAYMENT_CURRENCY", "usd").toLowerCase(Locale.ROOT);
    if (!currency.matches("[a-z]{3}")) {
      settings.problem("PAYMENT_CURRENCY must be a three-letter ISO currency code such as usd, got '" + currency + "'");
    }
    StripeSettings stripe = StripeSettings.from(settings);
    long reconcileAfter = settings.longInteger("PAYMENT_RECONCILE_AFTER_MS", 30_000, 1_000, 86_400_000);
    long longestConfirmation = (long) stripe.timeoutMillis() * (stripe.maxNetworkRetries() + 1);
    if (reconcileAfter <= longestConfirmation) {
      settings.problem("PAYMENT_RECONCILE_AFTER_MS (" + reconcileAfter + ") must be longer than a confirmation can take "
          + "(STRIPE_TIMEOUT_MS x (STRIPE_MAX_NETWORK_RETRIES + 1) = " + longestConfirmation + ")");
    }
    return new PaymentsConfig(
        MongoSettings.from(settings, "payments"),
        RelaySettings.from(settings),
        stripe,
        currency,
        settings.integer("PAYMENTS_MANAGEMENT_PORT", DEFAULT_MANAGEMENT_PORT, 0, 65535),
        settings.longInteger("REFUND_SWEEP_MS", 5_000, 100, 86_400_000),
        reconcileAfter,
        settings.longInteger("ORDERS_TIMEOUT_MS", 5_000, 100, 600_000));
  }
}
