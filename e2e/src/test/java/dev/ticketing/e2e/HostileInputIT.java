package dev.ticketing.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.e2e.hostile.HostileReport;
import dev.ticketing.e2e.hostile.HostileRun;
import dev.ticketing.e2e.support.LocalSystem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Over a thousand malformed and hostile requests over every endpoint of a running system (every
 * service in its own JVM), then a burst of live-feed connections: not one 5xx, no hang, every error
 * in the JSON shape with nosniff, nothing internal in any body; and the system still serves a buyer
 * normally afterwards.
 */
class HostileInputIT {

  private static final Logger log = LoggerFactory.getLogger(HostileInputIT.class);
  @RegisterExtension
  static final LocalSystem system = LocalSystem.forTests("hostile-input", LocalSystem.EVERY_SERVICE,
        Map.of("MAX_LIVE_CONNECTIONS", "40"));

  @Test
  void noHostileRequestGetsA5xxAHangOrALeakAndTheSystemServesOnAfterwards() throws Exception {
    HostileReport report = new HostileRun(system.gatewayPort()).run();
    log.info("\n{}", report.summary());
    assertTrue(report.probes() >= 1_000, "a corpus of at least 1,000 requests, got " + report.probes());
    assertEquals(List.of(), report.violations(), report.summary());
    assertTrue(report.liveFeedRefusedOverTheLimit(), "connections over the live-feed limit get a JSON 503");
    assertTrue(report.servesNormallyAfterwards(), "a buyer is served normally after the corpus");
  }
}
