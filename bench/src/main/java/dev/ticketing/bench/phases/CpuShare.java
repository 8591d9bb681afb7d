package dev.ticketing.bench.phases;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How much CPU each process of the system used over a phase, in percent of one core (the machine
 * has 200%), from /proc by the runner's pid files: where a phase's time went, to read beside its figures.
 */
public final class CpuShare {

  private static final double TICKS_PER_SECOND = 100; // USER_HZ on Linux

  private final Path runDir;
  private final Map<String, Long> startTicks;
  private final long startNanos = System.nanoTime();

  private CpuShare(Path runDir) throws IOException {
    this.runDir = runDir;
    this.startTicks = ticks(runDir);
  }

  public static CpuShare from(Path runDir) throws IOException {
    return new CpuShare(runDir);
  }

  /**
   * Waits until the system has been quiet for a second (all its processes together under
   * {@code percent} of one core), at most {@code maxSeconds}: a phase's leftovers (expiring orders,
   * deliveries) would otherwise take CPU from the next phase's measurement. Returns the seconds waited.
   */
  public static double awaitQuiet(Path runDir, double percent, int maxSeconds) throws IOException, InterruptedException {
    long began = System.nanoTime();
    for (int second = 0; second < maxSeconds; second++) {
      Map<String, Long> before = ticks(runDir);
      Thread.sleep(1_000); // the sampling interval of /proc's CPU counters (the bench's own thread, not a wait for an outcome)
      Map<String, Long> after = ticks(runDir);
      long used = after.entrySet().stream().filter(entry -> !entry.getKey().equals("load generator"))
          .mapToLong(entry -> entry.getValue() - before.getOrDefault(entry.getKey(), entry.getValue())).sum();
      if (used / TICKS_PER_SECOND * 100 < percent) {
        break;
      }
    }
    return (System.nanoTime() - began) / 1e9;
  }

  /** Process name to percent of one core since this share began, busiest first, as one line. */
  public String since() throws IOException {
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    Map<String, Long> now = ticks(runDir);
    Map<String, Double> share = new TreeMap<>();
    now.forEach((name, ticks) -> share.put(name, (ticks - startTicks.getOrDefault(name, ticks)) / TICKS_PER_SECOND / seconds * 100));
    return share.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .map(entry -> entry.getKey() + " " + Math.round(entry.getValue()) + "%").collect(Collectors.joining(", "));
  }

  private static Map<String, Long> ticks(Path runDir) throws IOException {
    Map<String, Long> ticks = new TreeMap<>();
    try (var pidFiles = Files.list(runDir)) {
      for (Path pidFile : pidFiles.filter(path -> path.toString().endsWith(".pid")).toList()) {
        processTicks(Files.readString(pidFile).trim()).ifPresent(used -> ticks.put(pidFile.getFileName().toString().replace(".pid", ""), used));
      }
    }
    processTicks("self").ifPresent(used -> ticks.put("load generator", used));
    return ticks;
  }

  /** utime + stime of /proc/PID/stat (fields 14 and 15, counted after the parenthesised name). */
  private static java.util.Optional<Long> processTicks(String pid) {
    try {
      String stat = Files.readString(Path.of("/proc", pid, "stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return java.util.Optional.of(Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
    } catch (IOException | RuntimeException gone) {
      return java.util.Optional.empty();
    }
  }
}
