package dev.ticketing.bench.phases;

import dev.ticketing.bench.load.Await;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** Resident memory of every process of the system, from /proc, by the pid files the runner keeps. */
public final class Footprint {

  private Footprint() {
  }

  /** Process name to RSS in MB, now. */
  public static Map<String, Long> now(Path runDir) throws IOException {
    Map<String, Long> rss = new TreeMap<>();
    try (var pidFiles = Files.list(runDir)) {
      for (Path pidFile : pidFiles.filter(path -> path.toString().endsWith(".pid")).toList()) {
        String name = pidFile.getFileName().toString().replace(".pid", "");
        String pid = Files.readString(pidFile).trim();
        Path status = Path.of("/proc", pid, "status");
        if (Files.exists(status)) {
          for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmRSS:")) {
              rss.put(name, Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024);
            }
          }
        }
      }
    }
    return rss;
  }

  /** Samples every second in the background and keeps each process's largest RSS. */
  public static final class Peak implements AutoCloseable {

    private final Map<String, Long> peak = new ConcurrentHashMap<>();
    private final Thread sampler;
    private volatile boolean running = true;

    public Peak(Path runDir) {
      sampler = Thread.ofVirtual().start(() -> {
        while (running) {
          try {
            now(runDir).forEach((name, mb) -> peak.merge(name, mb, Math::max));
            Thread.sleep(1_000);
          } catch (IOException | InterruptedException stop) {
            return;
          }
        }
      });
    }

    public Map<String, Long> peak() {
      return new TreeMap<>(peak);
    }

    @Override
    public void close() {
      running = false;
      sampler.interrupt();
    }
  }
}
