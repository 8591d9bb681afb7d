package dev.ticketing.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One of the system's runnable jars started as its own JVM, as ./ticketing does, with its log in a
 * file; optionally behind a command prefix ({@code ip netns exec host-2}: on another "host").
 */
public final class JvmProcess {

  private final List<String> prefix;
  private final String name;
  private final Path jar;
  private final Map<String, String> environment;
  private final Path log;
  private Process process;

  JvmProcess(String name, Path jar, Map<String, String> environment, Path log) {
    this(List.of(), name, jar, environment, log);
  }

  public JvmProcess(List<String> prefix, String name, Path jar, Map<String, String> environment, Path log) {
    this.prefix = prefix;
    this.name = name;
    this.jar = jar;
    this.environment = environment;
    this.log = log;
  }

  /**
   * The runnable jar of {@code module} as the build leaves it: the product's verticles under
   * verticles/, the MongoDB and Stripe stand-ins under standins/.
   */
  public static Path jarOf(Path root, String module) {
    String folder = module.equals("mongo-wire") || module.equals("stripe-sandbox") ? "standins" : "verticles";
    Path jar = root.resolve(folder).resolve(module).resolve("target").resolve(module + ".jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: build first (mvn verify packages before the end-to-end tests)");
    }
    return jar;
  }

  public String name() {
    return name;
  }

  Path log() {
    return log;
  }

  long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process != null && process.isAlive();
  }

  public void start() {
    // The same JDK that runs the tests, with the flags the runner script uses.
    List<String> command = new ArrayList<>(prefix);
    command.addAll(List.of(ProcessHandle.current().info().command().orElse("java"),
        "-Xmx192m", "-XX:+UseSerialGC", "-Xss512k", "-XX:+ExitOnOutOfMemoryError"));
    if (Runtime.version().feature() >= 24) {
      command.add("--sun-misc-unsafe-memory-access=allow");
    }
    command.addAll(List.of("-jar", jar.toString()));
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(environment);
    builder.environment().put("SERVICE_NAME", name);
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name, e);
    }
  }

  /** SIGTERM, as `./ticketing down` does: the JVM leaves the cluster cleanly. */
  public void stop() {
    end(false);
  }

  /** SIGKILL: a crash, nothing gets to clean up. */
  void kill() {
    end(true);
  }

  private void end(boolean forcibly) {
    if (process == null) {
      return;
    }
    if (forcibly) {
      process.destroyForcibly();
    } else {
      process.destroy();
    }
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
