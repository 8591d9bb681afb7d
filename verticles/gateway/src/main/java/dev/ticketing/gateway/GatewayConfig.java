package dev.ticketing.gateway;

import dev.ticketing.platform.config.Settings;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The gateway's settings, validated at start-up.
 *
 * @param host              address to listen on
 * @param port              public HTTP port (0: any free port)
 * @param bodyLimitBytes    largest accepted request body; larger is 413
 * @param jwtKey            HS256 key of session tokens (JWT_KEY)
 * @param sessionTtlSeconds how long a session lasts
 * @param secureCookie      mark the session cookie Secure (HTTPS only); on in production
 * @param serviceTimeoutMillis how long a service may take to answer before 504
 * @param allowedOrigins    origins besides our own that may send cookie-authenticated writes
 * @param trustedProxyHops  reverse proxies in front of us whose forwarded headers we believe (client address; public origin for the cross-site check)
 * @param production        the production profile: stricter checks
 * @param stripePublishableKey shown to the web client so it can use Stripe Elements; empty: test cards (sandbox)
 * @param maxLiveConnections how many browsers one gateway streams ticket changes to
 * @param currency          ISO currency of prices (PAYMENT_CURRENCY, shared with payments), for display
 * @param stripeWebhookSecret the signing secret (whsec_...) of Stripe's webhook (STRIPE_WEBHOOK_SECRET);
 *                          empty: the webhook endpoint answers 404
 * @param managementPort    port of /health, /ready and /metrics for operators (0: any free port), never public
 */
public record GatewayConfig(String host, int port, int bodyLimitBytes, String jwtKey, long sessionTtlSeconds,
                            boolean secureCookie, long serviceTimeoutMillis, List<String> allowedOrigins,
                            int trustedProxyHops, boolean production, String stripePublishableKey,
                            int maxLiveConnections, String currency, String stripeWebhookSecret,
                            int managementPort) {

  private static final int MIN_KEY_LENGTH = 32;

  public static GatewayConfig from(Settings settings) {
    boolean production = settings.string("PROFILE", "local").equalsIgnoreCase("production");
    String jwtKey = settings.optional("JWT_KEY").orElse("");
    if (production && jwtKey.length() < MIN_KEY_LENGTH) {
      settings.problem("JWT_KEY is required in production and must be at least " + MIN_KEY_LENGTH
          + " characters (for example: openssl rand -base64 48)");
    }
    if (jwtKey.isEmpty()) {
      jwtKey = ephemeralKey();
    }
    return new GatewayConfig(
        settings.string("HTTP_HOST", "0.0.0.0"),
        settings.integer("HTTP_PORT", 8080, 0, 65535),
        settings.integer("BODY_LIMIT_BYTES", 64 * 1024, 1024, 16 * 1024 * 1024),
        jwtKey,
        settings.longInteger("SESSION_TTL_SECONDS", 7 * 24 * 3600, 60, 365L * 24 * 3600),
        settings.bool("COOKIE_SECURE", production),
        settings.longInteger("SERVICE_TIMEOUT_MS", 15_000, 100, 300_000),
        settings.list("ALLOWED_ORIGINS", ""),
        settings.integer("TRUSTED_PROXY_HOPS", 0, 0, 10),
        production,
        settings.string("STRIPE_PUBLISHABLE_KEY", ""),
        settings.integer("MAX_LIVE_CONNECTIONS", 1000, 0, 100_000),
        settings.string("PAYMENT_CURRENCY", "usd").toLowerCase(),
        webhookSecret(settings),
        settings.integer("GATEWAY_MANAGEMENT_PORT", 9100, 0, 65535));
  }

  private static String webhookSecret(Settings settings) {
    String secret = settings.string("STRIPE_WEBHOOK_SECRET", "");
    if (!secret.isEmpty() && !secret.startsWith("whsec_")) {
      settings.problem("STRIPE_WEBHOOK_SECRET must be a Stripe webhook signing secret (whsec_...)");
    }
    return secret;
  }

  // Outside production a missing key is tolerated: sessions then end when this gateway stops.
  private static String ephemeralKey() {
    LoggerFactory.getLogger(GatewayConfig.class)
        .warn("JWT_KEY is not set: using a random key; sessions will not survive a restart or span gateways");
    byte[] key = new byte[48];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }
}
