package dev.ticketing.stripesandbox;

import dev.ticketing.stripesandbox.webhooks.WebhookEndpoint;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How the sandbox listens, how slow it pretends Stripe is and where it sends webhooks. Validated
 * when built, so a bad environment variable stops the JVM at start-up with a message naming the
 * variable.
 *
 * @param host    interface to bind; loopback by default because the sandbox has no business on a network
 * @param port    TCP port, 0 meaning any free port (read it back with {@link StripeSandbox#actualPort()})
 * @param latency artificial delay before every /v1 answer, to test callers against a slow Stripe
 * @param webhook the endpoint events are POSTed to, signed; empty means no webhooks are sent (events
 *                are still kept for {@code GET /v1/events})
 */
public record SandboxSettings(String host, int port, Duration latency, Optional<WebhookEndpoint> webhook) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 12111;
  public static final String HOST_VARIABLE = "STRIPE_SANDBOX_HOST";
  public static final String PORT_VARIABLE = "STRIPE_SANDBOX_PORT";
  public static final String LATENCY_VARIABLE = "STRIPE_SANDBOX_LATENCY_MS";

  public SandboxSettings {
    Objects.requireNonNull(latency, "latency");
    Objects.requireNonNull(webhook, "webhook");
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException(HOST_VARIABLE + " must not be blank");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException(PORT_VARIABLE + " must be 0..65535 (0 = any free port), got " + port);
    }
    if (latency.isNegative()) {
      throw new IllegalArgumentException(LATENCY_VARIABLE + " must not be negative, got " + latency.toMillis());
    }
  }

  /** Without webhooks. */
  public SandboxSettings(String host, int port, Duration latency) {
    this(host, port, latency, Optional.empty());
  }

  /** Loopback, any free port, no latency, no webhooks: what an in-process test wants. */
  public static SandboxSettings ephemeral() {
    return new SandboxSettings(DEFAULT_HOST, 0, Duration.ZERO);
  }

  public SandboxSettings withLatency(Duration newLatency) {
    return new SandboxSettings(host, port, newLatency, webhook);
  }

  public SandboxSettings withWebhook(WebhookEndpoint endpoint) {
    return new SandboxSettings(host, port, latency, Optional.of(endpoint));
  }

  /**
   * Reads STRIPE_SANDBOX_HOST, STRIPE_SANDBOX_PORT, STRIPE_SANDBOX_LATENCY_MS,
   * STRIPE_SANDBOX_WEBHOOK_URL and STRIPE_SANDBOX_WEBHOOK_SECRET, with defaults (no webhooks).
   */
  public static SandboxSettings fromEnvironment(Map<String, String> environment) {
    String host = valueOr(environment, HOST_VARIABLE, DEFAULT_HOST);
    int port = integer(environment, PORT_VARIABLE, DEFAULT_PORT);
    long latencyMillis = integer(environment, LATENCY_VARIABLE, 0);
    return new SandboxSettings(host, port, Duration.ofMillis(latencyMillis), webhook(environment));
  }

  private static Optional<WebhookEndpoint> webhook(Map<String, String> environment) {
    String url = valueOr(environment, WebhookEndpoint.URL_VARIABLE, null);
    String secret = valueOr(environment, WebhookEndpoint.SECRET_VARIABLE, null);
    if (url == null && secret != null) {
      // A secret alone most likely means a forgotten URL: say so rather than silently send nothing.
      throw new IllegalArgumentException(WebhookEndpoint.SECRET_VARIABLE + " is set but "
          + WebhookEndpoint.URL_VARIABLE + " is not: set both to receive webhooks, or neither");
    }
    return url == null ? Optional.empty() : Optional.of(WebhookEndpoint.of(url, secret));
  }

  private static String valueOr(Map<String, String> environment, String name, String fallback) {
    String value = environment.get(name);
    return value == null || value.isBlank() ? fallback : value.trim();
  }

  private static int integer(Map<String, String> environment, String name, int fallback) {
    String text = valueOr(environment, name, Integer.toString(fallback));
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, got '" + text + "'", e);
    }
  }
}
