package dev.ticketing.stripesandbox;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How the sandbox listens and how slow it pretends Stripe is. Validated when built, so a bad
 * environment variable stops the JVM at start-up with a message naming the variable.
 *
 * @param host    interface to bind; loopback by default because the sandbox has no business on a network
 * @param port    TCP port, 0 meaning any free port (read it back with {@link StripeSandbox#actualPort()})
 * @param latency artificial delay before every /v1 answer, to test callers against a slow Stripe
 */
public record SandboxSettings(String host, int port, Duration latency) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 12111;
  public static final String HOST_VARIABLE = "STRIPE_SANDBOX_HOST";
  public static final String PORT_VARIABLE = "STRIPE_SANDBOX_PORT";
  public static final String LATENCY_VARIABLE = "STRIPE_SANDBOX_LATENCY_MS";

  public SandboxSettings {
    Objects.requireNonNull(latency, "latency");
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

  /** Loopback, any free port, no latency: what an in-process test wants. */
  public static SandboxSettings ephemeral() {
    return new SandboxSettings(DEFAULT_HOST, 0, Duration.ZERO);
  }

  public SandboxSettings withLatency(Duration newLatency) {
    return new SandboxSettings(host, port, newLatency);
  }

  /** Reads STRIPE_SANDBOX_HOST, STRIPE_SANDBOX_PORT and STRIPE_SANDBOX_LATENCY_MS, with defaults. */
  public static SandboxSettings fromEnvironment(Map<String, String> environment) {
    String host = valueOr(environment, HOST_VARIABLE, DEFAULT_HOST);
    int port = integer(environment, PORT_VARIABLE, DEFAULT_PORT);
    long latencyMillis = integer(environment, LATENCY_VARIABLE, 0);
    return new SandboxSettings(host, port, Duration.ofMillis(latencyMillis));
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
