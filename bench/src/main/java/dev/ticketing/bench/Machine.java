package dev.ticketing.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** The report's head: when, on what machine, with which versions and settings. */
final class Machine {

  private Machine() {
  }

  static String describe(Instant began, BenchSettings settings) {
    return "# Ticketing benchmark, " + began + "\n\n"
        + "- machine: " + Runtime.getRuntime().availableProcessors() + " cores (" + cpu() + "), " + memory() + " memory; "
        + System.getProperty("os.name") + " " + System.getProperty("os.version") + "\n"
        + "- JDK: " + System.getProperty("java.vm.name") + " " + Runtime.version() + "; Vert.x " + vertxVersion() + "\n"
        + "- the whole system (one JVM per service instance, the Mongo wire stand-in, Redis, the Stripe sandbox) and this load\n"
        + "  generator share the machine; every JVM runs with the runner's flags (TICKETING_JAVA_OPTS)\n"
        + "- instances: " + settings.instances() + " each of tickets, orders, payments and the gateway (load through the first gateway)\n"
        + "- rounds: " + settings.rounds() + " of each warm figure; " + settings.load().toSeconds() + " s per browse load; "
        + "storm " + settings.storm() + " orders; growth " + settings.growth() + " tickets and orders\n";
  }

  private static String cpu() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
          .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
    } catch (IOException unknown) {
      return "unknown CPU";
    }
  }

  private static String memory() {
    try {
      long kb = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(line -> line.startsWith("MemTotal"))
          .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", ""))).findFirst().orElse(0);
      return String.format("%.1f GiB", kb / 1024.0 / 1024.0);
    } catch (IOException unknown) {
      return "unknown";
    }
  }

  private static String vertxVersion() {
    Package vertx = io.vertx.core.Vertx.class.getPackage();
    return vertx.getImplementationVersion() == null ? "5" : vertx.getImplementationVersion();
  }
}
