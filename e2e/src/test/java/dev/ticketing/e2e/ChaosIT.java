package dev.ticketing.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.e2e.chaos.ChaosRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The short form of the chaos suite, for CI: five faults of different kinds under a steady load,
 * then every invariant. {@code ./ticketing chaos} runs the full form (fourteen faults, every kind).
 */
class ChaosIT {

  private static final Logger log = LoggerFactory.getLogger(ChaosIT.class);

  @Test
  void theMarketplaceKeepsEveryPromiseThroughKilledProcesses() throws Exception {
    Path root = Path.of(System.getProperty("ticketing.root", "..")).toAbsolutePath().normalize();
    ChaosRun.Report report = ChaosRun.quick(root, root.resolve("e2e/target/chaos/ci"));
    log.info("\n{}", report.text());
    assertTrue(report.passed(), report.text());
  }
}
