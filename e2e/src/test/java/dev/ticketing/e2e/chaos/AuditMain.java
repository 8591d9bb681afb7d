package dev.ticketing.e2e.chaos;

import dev.ticketing.e2e.chaos.Invariants.Check;
import io.vertx.core.Vertx;
import java.util.List;

/**
 * {@code ./ticketing audit}: checks a running system's stored records against each other and
 * against the payment provider's: money (each complete order nets its price, every other order
 * nets zero), one live order per ticket, tickets showing what orders says, nothing left undelivered
 * or half-done, replicas at their sources' versions. Prints each check with its counts and
 * violations; exits 1 if any fails. Arguments: Mongo URI, Stripe API base, Stripe key.
 */
public final class AuditMain {

  private AuditMain() {
  }

  public static void main(String[] args) {
    if (args.length != 3) {
      System.err.println("usage: AuditMain <mongo uri> <stripe api base> <stripe key>");
      System.exit(2);
    }
    Vertx vertx = Vertx.vertx();
    boolean holds;
    try {
      Snapshot stored = Snapshot.read(vertx, args[0], args[1], args[2]);
      List<Check> checks = Invariants.check(stored, null);
      System.out.println("audit: " + stored.orders.size() + " orders, " + stored.tickets.size() + " tickets, "
          + stored.intents.size() + " payment intents and " + stored.refunds.size() + " refunds at the provider");
      for (Check check : checks) {
        System.out.printf("  %-4s %-90s checked %6d, violations %d%n", check.holds() ? "ok" : "FAIL", check.name(),
            check.checked(), check.violations().size());
        check.violations().stream().limit(20).forEach(violation -> System.out.println("         - " + violation));
      }
      holds = checks.stream().allMatch(Check::holds);
    } catch (IllegalStateException unreachable) {
      System.err.println("audit: cannot read the system's records (" + args[0] + ", " + args[1] + "): is it running? "
          + unreachable.getMessage());
      holds = false;
    } finally {
      vertx.close();
    }
    System.exit(holds ? 0 : 1);
  }
}
