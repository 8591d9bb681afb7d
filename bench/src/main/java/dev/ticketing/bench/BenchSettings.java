package dev.ticketing.bench;

import java.time.Duration;
import java.util.Map;

/**
 * How long and how hard, from the command line's environment: BENCH_ROUNDS (3) repeats of each
 * warm figure, BENCH_SECONDS (10) per load, BENCH_GROWTH (100000) tickets and orders stored before
 * the growth round (0 skips it), BENCH_STORM (10000) orders due together.
 */
record BenchSettings(int rounds, Duration load, int growth, int storm) {

  /** The system the benchmark runs: orders hold for 30 s, so the storm and the growth data expire within the run. */
  static final Map<String, String> SYSTEM = Map.of(
      "ORDER_EXPIRATION_SECONDS", "30",
      "MAX_ACTIVE_HOLDS_PER_USER", "10");

  static BenchSettings fromEnvironment() {
    return new BenchSettings(integer("BENCH_ROUNDS", 3), Duration.ofSeconds(integer("BENCH_SECONDS", 10)),
        integer("BENCH_GROWTH", 100_000), integer("BENCH_STORM", 10_000));
  }

  private static int integer(String name, int fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
  }
}
