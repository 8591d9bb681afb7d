package dev.ticketing.e2e.chaos;

import dev.ticketing.e2e.chaos.Invariants.Check;
import dev.ticketing.e2e.chaos.SpreadSystem.Instance;
import dev.ticketing.platform.testing.Blocking;
import dev.ticketing.platform.testing.PrivateSystem;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The multi-host partition test ({@code ./ticketing multihost}; short form in {@code e2e/ChaosIT}):
 * the system spread over three network namespaces ({@link SpreadSystem}), a steady purchase stream
 * through the gateway on host 1, then host 3 (the second instances of tickets, orders and payments)
 * cut off for 20 s and healed. It checks that purchases went on during the cut, that the cluster
 * merged again, that after the merge the bus delivers work to every instance (each one's own
 * {@code /metrics} counts what it received) and no instance is missing a subscription, and then,
 * once the system has settled, every invariant of the chaos suite (no ticket sold twice, every
 * acknowledged order and payment at its end state, money and records agree). It prints what it did
 * and saw, and removes every namespace and process it made.
 */
public final class MultiHostRun {

  /** How long each phase lasts; the cut is 20 s in both forms. */
  record Plan(Duration before, Duration cut, Duration after, int buyers, Duration settle) {

    static Plan full() {
      return new Plan(Duration.ofSeconds(20), Duration.ofSeconds(20), Duration.ofSeconds(30), 4, Duration.ofMinutes(3));
    }

    static Plan quick() {
      return new Plan(Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(15), 3, Duration.ofMinutes(2));
    }
  }

  public record Report(String text, boolean passed) {
  }

  static final int CUT_HOST = 3;
  /** Quick failure detection and merge checks, so a 20 s cut is seen, and healed, within the test. */
  static final Map<String, String> CLUSTER_SETTINGS = Map.of(
      "CLUSTER_FAILURE_DETECTION_SECONDS", "6",
      "CLUSTER_MERGE_CHECK_SECONDS", "5",
      "CLUSTER_SUBSCRIPTION_CHECK_MS", "2000",
      "SERVICE_TIMEOUT_MS", "8000");

  private MultiHostRun() {
  }

  public static void main(String[] args) throws Exception {
    Path root = Path.of(System.getProperty("ticketing.root", ".")).toAbsolutePath().normalize();
    Report report = run(root, root.resolve("e2e/target/multihost"), Plan.full());
    System.out.println(report.text());
    System.exit(report.passed() ? 0 : 1);
  }

  public static Report quick(Path root, Path work) throws Exception {
    return run(root, work, Plan.quick());
  }

  static Report run(Path root, Path work, Plan plan) throws Exception {
    String unavailable = Hosts.unavailableBecause();
    if (unavailable != null) {
      return new Report("multihost: this machine cannot make network namespaces (root and iproute2 are needed): " + unavailable, false);
    }
    Instant began = Instant.now();
    Timeline timeline = new Timeline();
    Ledger ledger = new Ledger();
    List<String> checks = new ArrayList<>();
    boolean passed = true;
    Map<String, String> settings = new HashMap<>(ChaosRun.SETTINGS);
    settings.putAll(CLUSTER_SETTINGS);
    try (Hosts hosts = Hosts.create(3); SpreadSystem system = new SpreadSystem(root, work)) {
      system.start(settings);
      timeline.mark("every instance ready on its host");
      int members = SpreadSystem.LAYOUT.size();
      awaitMembers(system, SpreadSystem.LAYOUT, members, Duration.ofSeconds(120));
      timeline.mark("every instance sees " + members + " cluster members");

      ShopperLoad load = new ShopperLoad(() -> List.of(system.gatewayUrl()), ledger, plan.buyers());
      load.start();
      timeline.mark("load started: " + plan.buyers() + " buyers, 2 sellers, through the gateway on host 1");
      Thread.sleep(plan.before().toMillis());

      Map<String, Long> atCut = ledger.answers();
      hosts.cut(CUT_HOST);
      timeline.mark("host " + CUT_HOST + " cut off (its link down): " + names(CUT_HOST));
      List<Instance> majority = SpreadSystem.LAYOUT.stream().filter(instance -> instance.host() != CUT_HOST).toList();
      long cutAt = System.nanoTime();
      boolean detected = awaitMembersQuietly(system, majority, majority.size(), plan.cut());
      timeline.mark(detected ? "the majority sees " + majority.size() + " members: the partition detected after "
          + (System.nanoTime() - cutAt) / 1_000_000 + " ms" : "the majority did NOT drop host " + CUT_HOST + "'s members during the cut");
      Thread.sleep(Math.max(0, plan.cut().toMillis() - (System.nanoTime() - cutAt) / 1_000_000));

      Map<String, Long> atHeal = ledger.answers();
      hosts.heal(CUT_HOST);
      timeline.mark("host " + CUT_HOST + " healed (link up)");
      long healedAt = System.nanoTime();
      boolean merged = awaitMembersQuietly(system, SpreadSystem.LAYOUT, members, Duration.ofSeconds(180));
      timeline.mark(merged ? "every instance sees " + members + " members again: merged after "
          + (System.nanoTime() - healedAt) / 1_000_000 + " ms" : "the cluster did NOT merge within 180 s");
      Map<String, Double> workAtMerge = work(system);
      Thread.sleep(plan.after().toMillis());
      signUps(system, 3);  // the one auth instance gets work only from sign-ups and sign-ins
      Map<String, Double> workAfter = work(system);
      load.stop();
      Map<String, Long> atEnd = ledger.answers();
      timeline.mark("load stopped");

      long ordersDuringCut = delta(atHeal, atCut, "order 201");
      long paymentsDuringCut = delta(atHeal, atCut, "pay 201");
      passed &= check(checks, detected, "the majority dropped the cut-off host's members (failure detection)");
      passed &= check(checks, ordersDuringCut > 0 && paymentsDuringCut > 0, "purchases kept working on the majority side during the cut: "
          + ordersDuringCut + " orders and " + paymentsDuringCut + " payments answered 201");
      passed &= check(checks, merged, "the two halves merged into one cluster after the heal");
      Map<String, Long> received = new LinkedHashMap<>();
      workAfter.forEach((name, after) -> received.put(name, Math.round(after - workAtMerge.getOrDefault(name, Double.NaN))));
      boolean everyoneWorked = received.values().stream().allMatch(count -> count > 0);
      passed &= check(checks, everyoneWorked,
          "after the merge the bus delivered work to every instance (messages received, from its /metrics): " + received);
      Map<String, Long> lost = new LinkedHashMap<>();
      Map<String, Long> missing = new LinkedHashMap<>();
      for (Instance instance : SpreadSystem.LAYOUT) {
        String page = system.get(instance.managementUrl() + "/metrics");
        lost.put(instance.name(), Math.round(Scrape.sum(page, "ticketing_cluster_subscriptions_lost_total")));
        missing.put(instance.name(), Math.round(Scrape.sum(page, "ticketing_cluster_subscriptions_missing")));
      }
      passed &= check(checks, missing.values().stream().allMatch(count -> count == 0),
          "no instance is missing a subscription at the end: " + missing);
      checks.add("     subscriptions found lost and registered again during the run (ticketing_cluster_subscriptions_lost_total): " + lost);
      checks.add("     instances that gave up (exit 4) and were started again by the supervisor: " + system.restarts());

      Vertx vertx = Vertx.vertx();
      Settling settled;
      List<Check> invariants;
      Snapshot stored;
      try {
        settled = Settling.await(vertx, system.mongoUri(), system.stripeBase(), plan.settle());
        stored = Snapshot.read(vertx, system.mongoUri(), system.stripeBase(), PrivateSystem.STRIPE_KEY);
        invariants = Invariants.check(stored, ledger);
      } finally {
        vertx.close();
      }
      passed &= invariants.stream().allMatch(Check::holds);
      String text = render(began, plan, timeline, atCut, atHeal, atEnd, checks, settled, stored, invariants, ledger, passed,
          system.logs());
      Files.createDirectories(work);
      Files.writeString(work.resolve("report.txt"), text);
      return new Report(text, passed);
    }
  }

  private static boolean check(List<String> checks, boolean holds, String what) {
    checks.add(String.format("%-4s %s", holds ? "ok" : "FAIL", what));
    return holds;
  }

  private static String names(int host) {
    return SpreadSystem.LAYOUT.stream().filter(instance -> instance.host() == host).map(Instance::name)
        .collect(Collectors.joining(", "));
  }

  private static long delta(Map<String, Long> later, Map<String, Long> earlier, String answer) {
    return later.getOrDefault(answer, 0L) - earlier.getOrDefault(answer, 0L);
  }

  /** Each instance's count of work received over the bus, now. */
  private static Map<String, Double> work(SpreadSystem system) {
    Map<String, Double> work = new LinkedHashMap<>();
    for (Instance instance : SpreadSystem.LAYOUT) {
      work.put(instance.name(), Scrape.workReceived(system.get(instance.managementUrl() + "/metrics")));
    }
    return work;
  }

  private static void signUps(SpreadSystem system, int count) {
    for (int i = 0; i < count; i++) {
      new ApiUser(() -> List.of(system.gatewayUrl())).signUp();
    }
  }

  private static void awaitMembers(SpreadSystem system, List<Instance> instances, int members, Duration limit)
      throws InterruptedException {
    if (!awaitMembersQuietly(system, instances, members, limit)) {
      throw new IllegalStateException("the instances did not all see " + members + " cluster members within " + limit);
    }
  }

  /** Whether every one of {@code instances} reports {@code members} in ticketing_cluster_members within {@code limit}. */
  private static boolean awaitMembersQuietly(SpreadSystem system, List<Instance> instances, int members, Duration limit)
      throws InterruptedException {
    try {
      Blocking.eventually(members + " cluster members seen by " + instances.size() + " instances", limit,
          () -> instances.stream().allMatch(instance ->
              Scrape.sum(system.get(instance.managementUrl() + "/metrics"), "ticketing_cluster_members") == members));
      return true;
    } catch (AssertionError timedOut) {
      return false;
    }
  }

  private static String render(Instant began, Plan plan, Timeline timeline, Map<String, Long> atCut, Map<String, Long> atHeal,
                               Map<String, Long> atEnd, List<String> checks, Settling settled, Snapshot stored,
                               List<Check> invariants, Ledger ledger, boolean passed, Path logs) {
    StringBuilder out = new StringBuilder();
    out.append("=== multihost run ").append(began).append(", ").append(Duration.between(began, Instant.now()).toSeconds())
        .append(" s: ").append(passed ? "PASSED" : "FAILED").append('\n');
    out.append("hosts: 3 network namespaces on bridge ").append(Hosts.BRIDGE).append(" (").append(Hosts.SUBNET).append("0/24); data tier ")
        .append(Hosts.DATA_TIER).append(": mongo-wire, redis, stripe-sandbox\n");
    for (int host = 1; host <= 3; host++) {
      out.append("  host ").append(host).append(' ').append(Hosts.address(host)).append(": ").append(names(host)).append('\n');
    }
    out.append("cluster: ").append(SpreadSystem.LAYOUT.size())
        .append(" members, Hazelcast TCP-IP member list of every host, event bus on each host's address; ")
        .append(CLUSTER_SETTINGS).append('\n');
    out.append("timeline:\n").append(timeline.render());
    out.append("answers, before the cut / during the cut (").append(plan.cut().toSeconds()).append(" s) / after the heal:\n");
    TreeSet<String> kinds = new TreeSet<>(atEnd.keySet());
    for (String kind : kinds) {
      out.append(String.format("  %-28s %7d %7d %7d%n", kind, atCut.getOrDefault(kind, 0L), delta(atHeal, atCut, kind),
          delta(atEnd, atHeal, kind)));
    }
    out.append("checks:\n");
    checks.forEach(line -> out.append("  ").append(line).append('\n'));
    out.append("settled: ").append(settled.settled() ? "yes" : "NO").append(" after ").append(settled.millis())
        .append(" ms (left: ").append(settled.left()).append(")\n");
    out.append("stored: ").append(stored.orders.size()).append(" orders (").append(ledger.acknowledgedOrders.size())
        .append(" answered 201), ").append(stored.intents.size()).append(" payment intents (").append(ledger.paidOrders.size())
        .append(" payments answered 201)\n");
    out.append("invariants:\n");
    for (Check check : invariants) {
      out.append(String.format("  %-4s %-90s checked %6d, violations %d%n", check.holds() ? "ok" : "FAIL", check.name(),
          check.checked(), check.violations().size()));
      check.violations().stream().limit(10).forEach(violation -> out.append("         - ").append(violation).append('\n'));
    }
    out.append("logs: ").append(logs).append('\n');
    return out.toString();
  }

  /** Events of the run, with their time since the first. */
  private static final class Timeline {

    private final long start = System.nanoTime();
    private final StringBuilder lines = new StringBuilder();

    void mark(String event) {
      lines.append(String.format("  +%6.1f s  %s%n", (System.nanoTime() - start) / 1e9, event));
    }

    String render() {
      return lines.toString();
    }
  }
}
