package dev.ticketing.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How long and how hard, from the command line's environment: BENCH_ROUNDS (3) repeats of each
 * warm figure, BENCH_SECONDS (10) per load, BENCH_GROWTH (100000) tickets and orders stored before
 * the growth round (0 skips it), BENCH_STORM (10000) orders due together, BENCH_SECTIONS (all)
 * which sections to run, for working on one of them, and BENCH_INSTANCES (1) instances each of
 * tickets, orders, payments and the gateway (the load goes through the first gateway), for the
 * README's figures of two instances against one.
 */
record BenchSettings(int rounds, Duration load, int growth, int storm, Set<String> sections, int instances) {

  /** Every section, in the order they run. */
  static final List<String> SECTIONS = List.of("first-rush", "references", "rush", "browse", "purchases", "pairs", "lag", "storm", "growth");

  /** The system the benchmark runs: orders hold for 30 s, so the storm and the growth data expire within the run. */
  static final Map<String, String> SYSTEM = Map.of(
      "ORDER_EXPIRATION_SECONDS", "30",
      "MAX_ACTIVE_HOLDS_PER_USER", "10");

  static BenchSettings fromEnvironment() {
    String named = System.getenv().getOrDefault("BENCH_SECTIONS", "").trim();
    Set<String> sections = named.isEmpty() ? Set.copyOf(SECTIONS)
        : Arrays.stream(named.split("[,\\s]+")).filter(name -> !name.isEmpty()).collect(Collectors.toSet());
    if (!SECTIONS.containsAll(sections)) {
      throw new IllegalArgumentException("BENCH_SECTIONS names sections among " + SECTIONS + ", not " + named);
    }
    return new BenchSettings(integer("BENCH_ROUNDS", 3), Duration.ofSeconds(integer("BENCH_SECONDS", 10)),
        integer("BENCH_GROWTH", 100_000), integer("BENCH_STORM", 10_000), sections, integer("BENCH_INSTANCES", 1));
  }

  boolean runs(String section) {
    return sections.contains(section) && (!section.equals("growth") || growth > 0);
  }

  private static int integer(String name, int fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
  }
}
