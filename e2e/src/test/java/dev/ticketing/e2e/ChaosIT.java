package dev.ticketing.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.e2e.chaos.ChaosRun;
import dev.ticketing.e2e.chaos.MultiHostRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The short forms of the two fault suites, for CI. Killed processes: five faults of different
 * kinds under a steady load, then every invariant ({@code ./ticketing chaos} runs fourteen). A
 * partition: the system over three network namespaces, one host cut off for 20 s and healed, with
 * shorter phases around the cut than {@code ./ticketing multihost}; it needs root for
 * {@code ip netns} (CI runs as root) and fails, saying why, without it.
 */
class ChaosIT {

  private static final Logger log = LoggerFactory.getLogger(ChaosIT.class);
  private static final Path ROOT = Path.of(System.getProperty("ticketing.root", "..")).toAbsolutePath().normalize();

  @Test
  void theMarketplaceKeepsEveryPromiseThroughKilledProcesses() throws Exception {
    ChaosRun.Report report = ChaosRun.quick(ROOT, ROOT.resolve("e2e/target/chaos/ci"));
    log.info("\n{}", report.text());
    assertTrue(report.passed(), report.text());
  }

  @Test
  void aHostCutOffForTwentySecondsCostsNoSaleAndTheClusterHealsWhole() throws Exception {
    MultiHostRun.Report report = MultiHostRun.quick(ROOT, ROOT.resolve("e2e/target/multihost/ci"));
    log.info("\n{}", report.text());
    assertTrue(report.passed(), report.text());
  }
}
