package dev.ticketing.stripesandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
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
}
