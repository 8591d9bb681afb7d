package dev.ticketing.e2e.chaos;

import dev.ticketing.e2e.chaos.Invariants.Check;
import dev.ticketing.platform.testing.PrivateSystem;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The chaos suite: a private system with two instances each of tickets, orders and payments and
 * two gateways, a steady stream of users, and one fault after another (every service JVM, the Mongo
 * stand-in and Redis killed with SIGKILL, one gateway stopped), each healed with
 * {@code ./ticketing up}. Then the system is left to settle and every invariant is checked against
 * what the services stored and the payment provider holds. {@link #main} is {@code ./ticketing chaos}.
 */
public final class ChaosRun {

  /** How long and how hard. */
  record Plan(int faults, Duration between, Duration downFor, int buyers, Duration settle) {

    static Plan full() {
      return new Plan(14, Duration.ofSeconds(8), Duration.ofSeconds(4), 6, Duration.ofMinutes(3));
    }

    static Plan quick() {
      return new Plan(5, Duration.ofSeconds(5), Duration.ofSeconds(3), 4, Duration.ofMinutes(2));
    }
  }

  /** What a run did and saw; {@link #passed()} when every invariant held and every fault healed. */
  public record Report(String text, boolean passed) {
  }

  /** The short form, for CI. */
  public static Report quick(Path root, Path workDir) throws Exception {
    return run(root, workDir, Plan.quick());
  }

  static final Map<String, String> SETTINGS = Map.of(
      "ORDER_EXPIRATION_SECONDS", "15",
      "ORDER_EXPIRY_GRACE_SECONDS", "5",
      "ORDER_EXPIRY_SWEEP_MS", "1000",
      "REFUND_SWEEP_MS", "2000",
      "PAYMENT_RECONCILE_AFTER_MS", "15000",
      "OUTBOX_SWEEP_MS", "500");

  private ChaosRun() {
  }

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 1;
    Path root = Path.of(System.getProperty("ticketing.root", ".")).toAbsolutePath().normalize();
    boolean allPassed = true;
    for (int run = 1; run <= runs; run++) {
      Report report = run(root, root.resolve("e2e/target/chaos/run-" + run), Plan.full());
      System.out.println(report.text()); // the report is this command's output
      allPassed &= report.passed();
    }
    System.exit(allPassed ? 0 : 1);
  }

  static Report run(Path root, Path workDir, Plan plan) throws Exception {
    Instant began = Instant.now();
    deleteRecursively(workDir); // every run starts from nothing: no data, logs or reports of the last one
    Ledger ledger = new Ledger();
    try (PrivateSystem system = new PrivateSystem(root, workDir.resolve("data"), SETTINGS, 2)) {
      PrivateSystem.Outcome started = system.up();
      if (!started.ok()) {
        return new Report("chaos: the system did not start:\n" + started.output(), false);
      }
      List<String> gateways = new CopyOnWriteArrayList<>(system.gatewayUrls());
      Faults faults = new Faults(system, gateways, plan.downFor());
      ShopperLoad load = new ShopperLoad(faults::gatewaysUp, ledger, plan.buyers());
      load.start();
      Thread.sleep(plan.between().toMillis()); // some business before the first fault
      for (String target : Faults.plan(plan.faults())) {
        faults.inject(target);
        Thread.sleep(plan.between().toMillis());
      }
      load.stop();
      system.up(); // whatever the last fault left
      Vertx vertx = Vertx.vertx();
      try {
        Settling settled = Settling.await(vertx, system, plan.settle());
        Snapshot stored = Snapshot.read(vertx, system.mongoUri(), system.stripeBase(), PrivateSystem.STRIPE_KEY);
        List<Check> checks = Invariants.check(stored, ledger);
        boolean passed = checks.stream().allMatch(Check::holds) && faults.injected.stream().allMatch(Faults.Injected::healed);
        String text = ChaosReport.render(began, plan, faults.injected, ledger, settled, stored, checks, passed);
        Files.createDirectories(workDir);
        Files.writeString(workDir.resolve("report.txt"), text);
        return new Report(text, passed);
      } finally {
        vertx.close();
      }
    }
  }

  private static void deleteRecursively(Path dir) throws java.io.IOException {
    if (Files.exists(dir)) {
      try (var paths = Files.walk(dir)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }
}
