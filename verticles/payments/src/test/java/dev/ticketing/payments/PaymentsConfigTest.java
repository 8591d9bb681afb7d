package dev.ticketing.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.platform.config.ConfigException;
import dev.ticketing.platform.config.Settings;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PaymentsConfigTest {

  @Test
  void defaultsNeedOnlyAKey() {
    Settings settings = Settings.of(new JsonObject().put("STRIPE_KEY", "sk_test_abc123"));
    PaymentsConfig config = PaymentsConfig.from(settings);
    settings.validate();
    assertEquals("usd", config.currency());
    assertEquals(9105, config.managementPort());
    assertEquals(5_000, config.sweepMillis());
    assertEquals(30_000, config.reconcileAfterMillis());
    assertEquals(Optional.empty(), config.stripe().apiBase(), "no base URL: the real Stripe");
    assertEquals("payments", config.mongo().database());
  }

  @Test
  void aMissingKeyStopsStartUpWithAMessageNamingIt() {
    Settings settings = Settings.of(new JsonObject());
    PaymentsConfig.from(settings);
    ConfigException thrown = assertThrows(ConfigException.class, settings::validate);
    assertTrue(thrown.getMessage().contains("STRIPE_KEY is required"), thrown.getMessage());
  }

  @Test
  void badValuesAreAllReportedAtOnce() {
    Settings settings = Settings.of(new JsonObject()
        .put("STRIPE_KEY", "pk_test_publishable")
        .put("STRIPE_API_BASE", "localhost:12111")
        .put("PAYMENT_CURRENCY", "dollars")
        .put("REFUND_SWEEP_MS", "soon"));
    PaymentsConfig.from(settings);
    String message = assertThrows(ConfigException.class, settings::validate).getMessage();
    assertTrue(message.contains("STRIPE_KEY must be"), message);
    assertTrue(message.contains("STRIPE_API_BASE must be"), message);
    assertTrue(message.contains("PAYMENT_CURRENCY must be"), message);
    assertTrue(message.contains("REFUND_SWEEP_MS must be"), message);
  }

  @Test
  void theReconcilerNeverAsksAboutAnAttemptThatMayStillBeRunning() {
    Settings settings = Settings.of(new JsonObject().put("STRIPE_KEY", "sk_test_abc123")
        .put("STRIPE_TIMEOUT_MS", 10_000).put("STRIPE_MAX_NETWORK_RETRIES", 2).put("PAYMENT_RECONCILE_AFTER_MS", 20_000));
    PaymentsConfig.from(settings);
    String message = assertThrows(ConfigException.class, settings::validate).getMessage();
    assertTrue(message.contains("PAYMENT_RECONCILE_AFTER_MS"), message);
  }

  @Test
  void aLiveKeyIsNeverSentToTheSandbox() {
    Settings settings = Settings.of(new JsonObject()
        .put("STRIPE_KEY", "sk_live_realmoney")
        .put("STRIPE_API_BASE", "http://127.0.0.1:12111"));
    PaymentsConfig.from(settings);
    assertThrows(ConfigException.class, settings::validate);
  }

  @Test
  void theSandboxBaseUrlIsTakenAndTheKeyNeverPrinted() {
    Settings settings = Settings.of(new JsonObject()
        .put("STRIPE_KEY", "sk_test_verysecretvalue")
        .put("STRIPE_API_BASE", "http://127.0.0.1:12111/")
        .put("PAYMENT_CURRENCY", "EUR"));
    PaymentsConfig config = PaymentsConfig.from(settings);
    settings.validate();
    assertEquals(Optional.of("http://127.0.0.1:12111"), config.stripe().apiBase());
    assertEquals("eur", config.currency());
    assertFalse(config.toString().contains("verysecretvalue"), config.toString());
  }
}
