package dev.ticketing.bench;

import dev.ticketing.bench.report.BenchReport;
import dev.ticketing.platform.testing.PrivateSystem;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

/**
 * {@code ./ticketing bench}: starts a private copy of the system (its own data dir, ports and
 * cluster), measures it through its gateway as users would load it, and writes a report (figures
 * with their min, median and max over the rounds, and their ratios to two reference servers
 * measured in the same run) to {@code bench/results/} and standard output. A report, never a test:
 * it fails only when it cannot measure.
 */
public final class BenchMain {

  private BenchMain() {
  }

  public static void main(String[] args) throws Exception {
    Path root = Path.of(System.getProperty("ticketing.root", ".")).toAbsolutePath().normalize();
    BenchSettings settings = BenchSettings.fromEnvironment();
    Path jar = Path.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator)[0]).toAbsolutePath();
    List<String> javaOptions = Arrays.stream(System.getenv().getOrDefault("TICKETING_JAVA_OPTS", "").trim().split("\\s+"))
        .filter(option -> !option.isEmpty()).toList();
    Instant began = Instant.now();
    BenchReport report = new BenchReport(Machine.describe(began, settings));
    Path work = root.resolve("bench/target/run");
    deleteRecursively(work);
    Vertx vertx = Vertx.vertx();
    try (PrivateSystem system = new PrivateSystem(root, work.resolve("data"), BenchSettings.SYSTEM, settings.instances())) {
      new BenchRun(vertx, system, report, settings, jar, javaOptions).run();
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get();
    }
    String text = report.render();
    Path results = Files.createDirectories(root.resolve("bench/results"));
    Path file = results.resolve(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(began) + ".md");
    Files.writeString(file, text);
    System.out.println(text); // the report is this command's output
    System.out.println("(written to " + root.relativize(file) + ")");
  }

  private static void deleteRecursively(Path dir) throws java.io.IOException {
    if (Files.exists(dir)) {
      try (var paths = Files.walk(dir)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }
}
