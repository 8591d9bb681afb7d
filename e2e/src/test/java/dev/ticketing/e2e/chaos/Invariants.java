package dev.ticketing.e2e.chaos;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The promises of the marketplace, checked against what each service stored and what the payment
 * provider holds. Each check counts what it looked at and lists every violation.
 */
final class Invariants {

  /** One invariant: how many things it covered and what broke it (empty when it holds). */
  record Check(String name, long checked, List<String> violations) {

    boolean holds() {
      return violations.isEmpty();
    }
  }

  private Invariants() {
  }

  /** All of them; {@code ledger} says what users were told (null: check only what is stored, as an audit does). */
  static List<Check> check(Snapshot stored, Ledger ledger) {
    List<Check> checks = new ArrayList<>();
    if (ledger != null) {
      checks.add(acknowledgedOrdersEnded(stored, ledger.acknowledgedOrders));
      checks.add(paidOrdersComplete(stored, ledger.paidOrders));
    }
    checks.add(oneLiveOrderPerTicket(stored));
    checks.add(moneyMatches(stored));
    checks.add(ticketsShowWhatOrdersSays(stored));
    checks.add(nothingLeftToDeliver(stored));
    checks.add(replicasAtTheirSourcesVersion(stored));
    checks.add(webhooksAccepted(stored));
    return checks;
  }

  /** Every event the provider sent to our webhook was accepted (its signature checked by the gateway). */
  static Check webhooksAccepted(Snapshot stored) {
    List<String> violations = new ArrayList<>();
    for (JsonObject event : stored.events) {
      if (event.getInteger("pending_webhooks", 0) > 0) {
        violations.add("webhook event " + event.getString("id") + " (" + event.getString("type") + ") never accepted");
      }
    }
    return new Check("every webhook the payment provider sent was accepted", stored.events.size(), violations);
  }

  static Check acknowledgedOrdersEnded(Snapshot stored, Set<String> acknowledged) {
    List<String> violations = new ArrayList<>();
    for (String orderId : acknowledged) {
      JsonObject order = stored.orders.get(orderId);
      String status = order == null ? "missing" : order.getString("status");
      if (!"complete".equals(status) && !"cancelled".equals(status)) {
        violations.add("order " + orderId + " answered 201 is " + status);
      }
    }
    return new Check("every acknowledged order is complete or cancelled", acknowledged.size(), violations);
  }

  static Check paidOrdersComplete(Snapshot stored, Set<String> paid) {
    List<String> violations = new ArrayList<>();
    for (String orderId : paid) {
      JsonObject order = stored.orders.get(orderId);
      if (order == null || !"complete".equals(order.getString("status"))) {
        violations.add("payment of order " + orderId + " answered 201, order is " + (order == null ? "missing" : order.getString("status")));
      }
    }
    return new Check("every 201 payment's order is complete", paid.size(), violations);
  }

  static Check oneLiveOrderPerTicket(Snapshot stored) {
    Map<String, List<String>> holders = liveOrdersByTicket(stored);
    List<String> violations = new ArrayList<>();
    holders.forEach((ticketId, orders) -> {
      if (orders.size() > 1) {
        violations.add("ticket " + ticketId + " has " + orders.size() + " live or complete orders: " + orders);
      }
    });
    return new Check("no ticket has two live-or-complete orders", holders.size(), violations);
  }

  /** Per order: what it took at the provider (succeeded intents) minus what went back (refunds). */
  static Check moneyMatches(Snapshot stored) {
    Map<String, String> orderOfIntent = new HashMap<>();
    Map<String, Long> net = new HashMap<>();
    for (JsonObject intent : stored.intents) {
      String orderId = intent.getJsonObject("metadata", new JsonObject()).getString("orderId");
      if (orderId != null) {
        orderOfIntent.put(intent.getString("id"), orderId);
        net.merge(orderId, intent.getLong("amount_received", 0L), Long::sum);
      }
    }
    for (JsonObject refund : stored.refunds) {
      String orderId = orderOfIntent.get(refund.getString("payment_intent"));
      if (orderId != null && !"failed".equals(refund.getString("status")) && !"canceled".equals(refund.getString("status"))) {
        net.merge(orderId, -refund.getLong("amount", 0L), Long::sum);
      }
    }
    List<String> violations = new ArrayList<>();
    for (JsonObject order : stored.orders.values()) {
      long taken = net.getOrDefault(order.getString("_id"), 0L);
      long owed = "complete".equals(order.getString("status")) ? order.getJsonObject("ticket").getLong("price") : 0;
      if (taken != owed) {
        violations.add("order " + order.getString("_id") + " (" + order.getString("status") + ") nets " + taken + ", should net " + owed);
      }
    }
    net.keySet().stream().filter(orderId -> !stored.orders.containsKey(orderId) && net.get(orderId) != 0)
        .forEach(orderId -> violations.add("money kept for an order that does not exist: " + orderId + " nets " + net.get(orderId)));
    return new Check("each complete order nets its price at the provider, every other order nets zero", stored.orders.size(), violations);
  }

  static Check ticketsShowWhatOrdersSays(Snapshot stored) {
    Map<String, List<String>> holders = liveOrdersByTicket(stored);
    List<String> violations = new ArrayList<>();
    for (JsonObject ticket : stored.tickets.values()) {
      String ticketId = ticket.getString("_id");
      List<String> live = holders.getOrDefault(ticketId, List.of());
      String expected = live.isEmpty() ? null : live.get(0);
      boolean expectSold = expected != null && "complete".equals(stored.orders.get(expected).getString("status"));
      if (!java.util.Objects.equals(expected, ticket.getString("orderId")) || expectSold != ticket.getBoolean("sold", false)) {
        violations.add("ticket " + ticketId + " shows order " + ticket.getString("orderId") + " sold " + ticket.getBoolean("sold", false)
            + "; orders says " + expected + (expectSold ? " (complete)" : ""));
      }
    }
    return new Check("tickets' reservations equal what orders says", stored.tickets.size(), violations);
  }

  static Check nothingLeftToDeliver(Snapshot stored) {
    List<String> violations = new ArrayList<>();
    stored.undelivered().forEach((collection, count) -> {
      if (count > 0) {
        violations.add(count + " document(s) of " + collection + " still hold outbox entries");
      }
    });
    stored.deadLetters.forEach(letter -> violations.add("dead letter " + letter.getString("_id") + " (" + letter.getString("subject")
        + " for " + letter.getString("group") + "): " + letter.getString("reason")));
    for (JsonObject order : stored.paymentOrders.values()) {
      if (order.containsKey("attemptKey")) {
        violations.add("payments: order " + order.getString("_id") + " has an attempt whose outcome was never recorded");
      }
      if (order.containsKey("refundKey")) {
        violations.add("payments: order " + order.getString("_id") + " still owes its refund");
      }
    }
    long documents = stored.orders.size() + stored.tickets.size() + stored.paymentOrders.size();
    return new Check("outboxes and dead letters are empty, no payment is left half-done", documents, violations);
  }

  static Check replicasAtTheirSourcesVersion(Snapshot stored) {
    List<String> violations = new ArrayList<>();
    stored.tickets.forEach((id, ticket) -> {
      JsonObject copy = stored.orderSideTickets.get(id);
      if (copy == null || !copy.getLong("version").equals(ticket.getLong("version"))) {
        violations.add("orders' copy of ticket " + id + " is at v" + (copy == null ? "-" : copy.getLong("version"))
            + ", tickets has v" + ticket.getLong("version"));
      }
    });
    stored.orders.forEach((id, order) -> {
      JsonObject copy = stored.paymentOrders.get(id);
      if (copy == null || !copy.getLong("version").equals(order.getLong("version"))) {
        violations.add("payments' copy of order " + id + " is at v" + (copy == null ? "-" : copy.getLong("version"))
            + ", orders has v" + order.getLong("version"));
      }
    });
    return new Check("every replica's version equals its source's", stored.tickets.size() + stored.orders.size(), violations);
  }

  private static Map<String, List<String>> liveOrdersByTicket(Snapshot stored) {
    Map<String, List<String>> holders = new HashMap<>();
    for (JsonObject order : stored.orders.values()) {
      String status = order.getString("status");
      if ("created".equals(status) || "complete".equals(status) || "awaiting:payment".equals(status)) {
        holders.computeIfAbsent(order.getJsonObject("ticket").getString("id"), ticket -> new ArrayList<>()).add(order.getString("_id"));
      }
    }
    return holders;
  }
}
