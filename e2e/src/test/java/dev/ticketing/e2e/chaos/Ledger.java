package dev.ticketing.e2e.chaos;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the users were told, which is what the invariants hold the system to: every order answered
 * 201, every payment answered 201, and how every call was answered, by operation and status.
 */
final class Ledger {

  final Set<String> acknowledgedOrders = ConcurrentHashMap.newKeySet();
  final Set<String> paidOrders = ConcurrentHashMap.newKeySet();
  final Set<String> listedTickets = ConcurrentHashMap.newKeySet();
  private final Map<String, AtomicLong> answers = new ConcurrentHashMap<>();

  void answered(String operation, int status) {
    answers.computeIfAbsent(operation + " " + (status == 0 ? "no answer" : status), key -> new AtomicLong()).incrementAndGet();
  }

  long total() {
    return answers.values().stream().mapToLong(AtomicLong::get).sum();
  }

  /** "operation status: count", sorted, for the report. */
  Map<String, Long> answers() {
    Map<String, Long> sorted = new TreeMap<>();
    answers.forEach((key, count) -> sorted.put(key, count.get()));
    return sorted;
  }
}
