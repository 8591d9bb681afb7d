package dev.ticketing.stripesandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.stripesandbox.webhooks.WebhookEndpoint;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SandboxSettingsTest {

  @Test
  void defaultsWhenNothingIsSet() {
    assertEquals(new SandboxSettings("127.0.0.1", 12111, Duration.ZERO), SandboxSettings.fromEnvironment(Map.of()));
  }

  @Test
  void readsTheEnvironment() {
    SandboxSettings settings = SandboxSettings.fromEnvironment(Map.of(
        "STRIPE_SANDBOX_HOST", "0.0.0.0", "STRIPE_SANDBOX_PORT", "0", "STRIPE_SANDBOX_LATENCY_MS", "250"));

    assertEquals(new SandboxSettings("0.0.0.0", 0, Duration.ofMillis(250)), settings);
  }

  @Test
  void badValuesNameTheVariable() {
    IllegalArgumentException port = assertThrows(IllegalArgumentException.class,
        () -> SandboxSettings.fromEnvironment(Map.of("STRIPE_SANDBOX_PORT", "70000")));
    assertTrue(port.getMessage().contains("STRIPE_SANDBOX_PORT"), port.getMessage());

    IllegalArgumentException latency = assertThrows(IllegalArgumentException.class,
        () -> SandboxSettings.fromEnvironment(Map.of("STRIPE_SANDBOX_LATENCY_MS", "slow")));
    assertTrue(latency.getMessage().contains("STRIPE_SANDBOX_LATENCY_MS"), latency.getMessage());
  }

  @Test
  void webhooksAreOffUnlessAUrlIsGiven() {
    assertEquals(Optional.empty(), SandboxSettings.fromEnvironment(Map.of()).webhook());

    SandboxSettings settings = SandboxSettings.fromEnvironment(Map.of(
        "STRIPE_SANDBOX_WEBHOOK_URL", "http://localhost:3000/api/payments/webhooks",
        "STRIPE_SANDBOX_WEBHOOK_SECRET", "whsec_local_123"));

    WebhookEndpoint endpoint = settings.webhook().orElseThrow();
    assertEquals(URI.create("http://localhost:3000/api/payments/webhooks"), endpoint.url());
    assertEquals("whsec_local_123", endpoint.secret());
    assertTrue(!endpoint.toString().contains("local_123"), "the secret never reaches a log: " + endpoint);
  }

  @Test
  void badWebhookSettingsNameTheVariable() {
    assertRefused(Map.of("STRIPE_SANDBOX_WEBHOOK_URL", "http://localhost:3000/hooks"),
        "STRIPE_SANDBOX_WEBHOOK_SECRET");
    assertRefused(Map.of("STRIPE_SANDBOX_WEBHOOK_URL", "http://localhost:3000/hooks",
        "STRIPE_SANDBOX_WEBHOOK_SECRET", "sk_test_not_a_signing_secret"), "STRIPE_SANDBOX_WEBHOOK_SECRET");
    assertRefused(Map.of("STRIPE_SANDBOX_WEBHOOK_SECRET", "whsec_x"), "STRIPE_SANDBOX_WEBHOOK_URL");
    assertRefused(Map.of("STRIPE_SANDBOX_WEBHOOK_URL", "localhost:3000/hooks",
        "STRIPE_SANDBOX_WEBHOOK_SECRET", "whsec_x"), "STRIPE_SANDBOX_WEBHOOK_URL");
    assertRefused(Map.of("STRIPE_SANDBOX_WEBHOOK_URL", "ftp://localhost/hooks",
        "STRIPE_SANDBOX_WEBHOOK_SECRET", "whsec_x"), "STRIPE_SANDBOX_WEBHOOK_URL");
    assertRefused(Map.of("STRIPE_SANDBOX_WEBHOOK_URL", "http://local host/hooks",
        "STRIPE_SANDBOX_WEBHOOK_SECRET", "whsec_x"), "STRIPE_SANDBOX_WEBHOOK_URL");
  }

  private static void assertRefused(Map<String, String> environment, String variable) {
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> SandboxSettings.fromEnvironment(environment));
    assertTrue(refused.getMessage().contains(variable), refused.getMessage());
  }
}
