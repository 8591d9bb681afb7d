package dev.ticketing.bench.phases;

import dev.ticketing.bench.load.Wrk;
import dev.ticketing.bench.report.Figure;
import dev.ticketing.platform.testing.Ports;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The two references every other figure is a ratio of, measured in the same run with the same load
 * generator (wrk) and JVM flags as the services: a plain Vert.x JSON handler, and the same handler behind
 * one event-bus request/reply to another JVM on a Hazelcast cluster. Absolute numbers drift on a
 * shared machine; ratios to these do not drift as much.
 */
public final class References implements AutoCloseable {

  private final List<Process> processes = new ArrayList<>();
  private final int plainPort = Ports.free();
  private final int hopPort = Ports.free();

  /** Starts the three reference JVMs from the benchmark's own jar. */
  public References(Path jar, List<String> javaOptions) throws IOException {
    String cluster = "bench-ref-" + UUID.randomUUID();
    String base = String.valueOf(Ports.freeRun(4));
    start(jar, javaOptions, "dev.ticketing.bench.reference.PlainServer", String.valueOf(plainPort));
    start(jar, javaOptions, "dev.ticketing.bench.reference.OneHop", "back", cluster, base);
    start(jar, javaOptions, "dev.ticketing.bench.reference.OneHop", "front", String.valueOf(hopPort), cluster, base);
    awaitListening(plainPort);
    awaitListening(hopPort);
  }

  public void measure(Duration load, Figure plain, Figure hop) throws Exception {
    plain.add(throughput(plainPort, load));
    hop.add(throughput(hopPort, load));
  }

  private static double throughput(int port, Duration load) throws Exception {
    String base = "http://127.0.0.1:" + port;
    Wrk.get(base, "/", 64, Duration.ofSeconds(3));
    return Wrk.get(base, "/", 64, load).perSecond();
  }

  private void start(Path jar, List<String> javaOptions, String main, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
    command.addAll(javaOptions);
    command.addAll(ManifestFlags.of(jar));
    command.addAll(List.of("-cp", jar.toString(), main));
    command.addAll(List.of(args));
    processes.add(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
  }

  /** Polls a child JVM's port: there is nothing to be notified by. */
  private static void awaitListening(int port) throws IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      try (Socket ignored = new Socket("127.0.0.1", port)) {
        return;
      } catch (IOException notYet) {
        pause();
      }
    }
    throw new IOException("reference server on port " + port + " did not start");
  }

  private static void pause() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    processes.forEach(Process::destroy);
  }
}
