package dev.ticketing.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A whole private copy of the system, run by {@code ./ticketing} exactly as an operator runs it
 * (its own data dir, ports and cluster name, so it never meets a developer's system), with
 * {@code instances} of each of tickets, orders, payments and the gateway. Faults and healing go
 * through the same command line: {@code kill}, {@code down NAME}, {@code up}. For the chaos suite
 * and the benchmark.
 */
public final class PrivateSystem implements AutoCloseable {

  static final List<String> SCALED = List.of("tickets", "orders", "payments", "gateway");
  public static final String STRIPE_KEY = "sk_test_local_sandbox";

  private final Path root;
  private final Path data;
  private final Map<String, String> environment = new HashMap<>();
  private final int httpPort;
  private final int mongoPort;
  private final int sandboxPort;
  private final int instances;

  public PrivateSystem(Path root, Path data, Map<String, String> settings, int instances) {
    this.root = root;
    this.data = data;
    this.instances = instances;
    this.httpPort = Ports.freeRun(instances);
    this.mongoPort = Ports.free();
    this.sandboxPort = Ports.free();
    environment.putAll(settings);
    environment.put("TICKETING_DATA_DIR", data.toString());
    environment.put("HTTP_PORT", String.valueOf(httpPort));
    environment.put("MANAGEMENT_PORT_BASE", String.valueOf(Ports.freeRun(20)));
    environment.put("MONGO_WIRE_PORT", String.valueOf(mongoPort));
    environment.put("REDIS_PORT", String.valueOf(Ports.free()));
    environment.put("STRIPE_SANDBOX_PORT", String.valueOf(sandboxPort));
    environment.put("CLUSTER_NAME", "chaos-" + ProcessHandle.current().pid());
    environment.put("CLUSTER_PORT", String.valueOf(Ports.freeRun(30)));
    SCALED.forEach(service -> environment.put(service.toUpperCase() + "_INSTANCES", String.valueOf(instances)));
    // The runner looks for our JDK itself; the suite's own is one that works.
    environment.put("JAVA_HOME", System.getProperty("java.home"));
    // The jars were just built; a source edited meanwhile must not rebuild them between faults.
    environment.put("TICKETING_SKIP_BUILD", "1");
  }

  public List<String> gatewayUrls() {
    return java.util.stream.IntStream.range(0, instances).mapToObj(k -> "http://127.0.0.1:" + (httpPort + k)).toList();
  }

  public String mongoUri() {
    return "mongodb://127.0.0.1:" + mongoPort;
  }

  public String stripeBase() {
    return "http://127.0.0.1:" + sandboxPort;
  }

  public Path data() {
    return data;
  }

  public Path logs() {
    return data.resolve("logs");
  }

  /** The gateways' session key, as the runner generated it into the data dir. */
  public String jwtKey() throws IOException {
    return Files.readString(data.resolve("jwt.key")).trim();
  }

  /** {@code ./ticketing up}: starts whatever is not running and waits until all are ready. */
  public Outcome up() {
    return run(600, "up");
  }

  public Outcome kill(String name) {
    return run(60, "kill", name);
  }

  public Outcome status() {
    return run(60, "status");
  }

  public Outcome down(String... names) {
    List<String> arguments = new ArrayList<>(List.of("down"));
    arguments.addAll(List.of(names));
    return run(120, arguments.toArray(String[]::new));
  }

  @Override
  public void close() {
    down();
  }

  /** What a command did: its exit code and its output. */
  public record Outcome(int exitCode, String output) {

    public boolean ok() {
      return exitCode == 0;
    }
  }

  private Outcome run(int timeoutSeconds, String... arguments) {
    List<String> command = new ArrayList<>(List.of("bash", root.resolve("ticketing").toString()));
    command.addAll(List.of(arguments));
    try {
      Files.createDirectories(data);
      Path output = Files.createTempFile(data, "ticketing-", ".out");
      ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
          .redirectOutput(output.toFile());
      builder.environment().putAll(environment);
      Process process = builder.start();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        return new Outcome(-1, Files.readString(output) + "\n(timed out after " + timeoutSeconds + " s)");
      }
      String text = Files.readString(output);
      Files.deleteIfExists(output);
      return new Outcome(process.exitValue(), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome(-1, "interrupted");
    }
  }
}
