package dev.ticketing.e2e.chaos;

import dev.ticketing.e2e.chaos.Invariants.Check;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The chaos suite's report: what it did, what it saw, and each invariant with its counts. */
final class ChaosReport {

  private ChaosReport() {
  }

  static String render(Instant began, ChaosRun.Plan plan, List<Faults.Injected> faults, Ledger ledger, Settling settled,
                       Snapshot stored, List<Check> checks, boolean passed) {
    StringBuilder out = new StringBuilder();
    out.append("=== chaos run ").append(began).append(", ").append(Duration.between(began, Instant.now()).toSeconds())
        .append(" s: ").append(passed ? "PASSED" : "FAILED").append('\n');
    out.append("system: 2 x tickets, orders, payments, gateway; 1 x auth, expiration; mongo-wire, redis, stripe-sandbox\n");
    out.append("load: ").append(plan.buyers()).append(" buyers, 2 sellers; ").append(ledger.total()).append(" calls; ")
        .append(ledger.acknowledgedOrders.size()).append(" orders answered 201, ").append(ledger.paidOrders.size())
        .append(" payments answered 201, ").append(ledger.listedTickets.size()).append(" tickets listed\n");
    Map<String, Long> kinds = faults.stream().collect(Collectors.groupingBy(fault -> fault.kind() + " " + fault.target(),
        java.util.TreeMap::new, Collectors.counting()));
    out.append("faults: ").append(faults.size()).append(" injected ").append(kinds).append('\n');
    for (Faults.Injected fault : faults) {
      out.append(String.format("  %-8s %-12s healed %-5s in %6d ms %s%n", fault.kind(), fault.target(), fault.healed(),
          fault.healMillis(), fault.note()));
    }
    out.append("answers:\n");
    ledger.answers().forEach((answer, count) -> out.append(String.format("  %-28s %7d%n", answer, count)));
    out.append("settled: ").append(settled.settled() ? "yes" : "NO").append(" after ").append(settled.millis())
        .append(" ms (left: ").append(settled.left()).append(")\n");
    out.append("stored: ").append(stored.orders.size()).append(" orders, ").append(stored.tickets.size()).append(" tickets, ")
        .append(stored.intents.size()).append(" payment intents, ").append(stored.refunds.size()).append(" refunds at the provider\n");
    out.append("invariants:\n");
    for (Check check : checks) {
      out.append(String.format("  %-4s %-90s checked %6d, violations %d%n", check.holds() ? "ok" : "FAIL", check.name(),
          check.checked(), check.violations().size()));
      check.violations().stream().limit(10).forEach(violation -> out.append("         - ").append(violation).append('\n'));
    }
    return out.toString();
  }
}
