package dev.ticketing.expiration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.platform.config.ConfigException;
import dev.ticketing.platform.config.Settings;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ExpirationConfigTest {

  @Test
  void defaultsMatchTheDocumentedOnes() {
    Settings settings = Settings.of(new JsonObject());
    ExpirationConfig config = ExpirationConfig.from(settings);
    settings.validate();
    assertEquals(9104, config.managementPort());
    assertEquals(100, config.pollMillis());
    assertEquals(500, config.batchSize());
    assertEquals(10_000, config.leaseMillis());
    assertEquals(256, config.maxInFlight());
    assertEquals(5_000, config.sendTimeoutMillis());
    assertEquals("redis://127.0.0.1:6379", config.redis().uri());
  }

  @Test
  void confFileHoldsTheSameDefaults() throws Exception {
    JsonObject file = new JsonObject(Files.readString(Path.of("../../conf/expiration.json")));
    Settings settings = Settings.of(file);
    assertEquals(ExpirationConfig.from(Settings.of(new JsonObject())), ExpirationConfig.from(settings));
    settings.validate();
  }

  @Test
  void aLeaseNotLongerThanTheSendTimeoutStopsTheStart() {
    String problem = problemStarting(new JsonObject().put("EXPIRATION_LEASE_MS", "5000")
        .put("EXPIRATION_SEND_TIMEOUT_MS", "5000"));
    assertTrue(problem.contains("EXPIRATION_LEASE_MS"), problem);
  }

  @Test
  void valuesOutOfRangeAreReportedByName() {
    String problem = problemStarting(new JsonObject().put("EXPIRATION_BATCH", "0").put("EXPIRATION_POLL_MS", "soon"));
    assertTrue(problem.contains("EXPIRATION_BATCH"), problem);
    assertTrue(problem.contains("EXPIRATION_POLL_MS"), problem);
  }

  /** Reads the config from {@code values} as the service does at start, and returns why validation stops it. */
  private static String problemStarting(JsonObject values) {
    Settings settings = Settings.of(values);
    ExpirationConfig.from(settings);
    return assertThrows(ConfigException.class, settings::validate).getMessage();
  }
}
