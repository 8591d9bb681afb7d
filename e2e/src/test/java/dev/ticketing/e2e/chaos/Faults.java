package dev.ticketing.e2e.chaos;

import dev.ticketing.platform.testing.PrivateSystem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Injects one fault at a time, round the list of every kind, and heals after each: SIGKILL of a
 * service JVM (each instance in turn), of the Mongo stand-in and of Redis, through
 * {@code ./ticketing kill}, then {@code ./ticketing up}; and a graceful stop of the second gateway
 * (its users move to the first) through {@code ./ticketing down gateway-2}.
 */
final class Faults {

  static final List<String> ROTATION = List.of("orders", "payments-2", "mongo-wire", "tickets", "redis", "gateway-2",
      "payments", "orders-2", "expiration", "tickets-2", "auth", "mongo-wire", "redis", "payments");

  /** One fault as it happened. */
  record Injected(String target, String kind, boolean healed, long healMillis, String note) {
  }

  private final PrivateSystem system;
  private final List<String> gateways;
  private final Duration downFor;
  final List<Injected> injected = new CopyOnWriteArrayList<>();

  Faults(PrivateSystem system, List<String> gateways, Duration downFor) {
    this.system = system;
    this.gateways = gateways;
    this.downFor = downFor;
  }

  /** The gateways users may use right now (the stopped one is taken out first). */
  List<String> gatewaysUp() {
    return gateways;
  }

  void inject(String target) throws InterruptedException {
    String kind = target.startsWith("gateway") ? "stop" : "SIGKILL";
    String gatewayUrl = null;
    if (target.equals("gateway-2")) {
      gatewayUrl = system.gatewayUrls().get(1);
      gateways.remove(gatewayUrl);
    }
    PrivateSystem.Outcome done = kind.equals("stop") ? system.down(target) : system.kill(target);
    Thread.sleep(downFor.toMillis()); // the system runs without it for a while; that is the fault
    long began = System.nanoTime();
    PrivateSystem.Outcome healed = system.up();
    long healMillis = (System.nanoTime() - began) / 1_000_000;
    if (gatewayUrl != null) {
      gateways.add(gatewayUrl);
    }
    String note = done.ok() ? "" : "fault command failed: " + tail(done.output());
    if (!healed.ok()) {
      note += " heal failed: " + tail(healed.output());
    }
    injected.add(new Injected(target, kind, healed.ok(), healMillis, note.trim()));
  }

  static List<String> plan(int count) {
    List<String> plan = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      plan.add(ROTATION.get(i % ROTATION.size()));
    }
    return plan;
  }

  private static String tail(String output) {
    String[] lines = output.strip().split("\n");
    return String.join(" | ", List.of(lines).subList(Math.max(0, lines.length - 3), lines.length));
  }
}
