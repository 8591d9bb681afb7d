package dev.ticketing.e2e.chaos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Several "hosts" on this machine: one Linux network namespace each, with its own network stack
 * and address, all plugged into one bridge by a veth pair, as machines into a switch. The bridge's
 * own address ({@link #DATA_TIER}) is this namespace, where the stores and the test itself run.
 * {@link #cut} takes a host's cable out (its veth end on the bridge goes down: packets are dropped,
 * not refused, as in a real partition); {@link #heal} puts it back. {@link #close} removes every
 * namespace, link and bridge this made, and {@link #create} first removes what an aborted run left.
 * Needs root (CAP_NET_ADMIN) and iproute2's {@code ip}.
 */
final class Hosts implements AutoCloseable {

  static final String PREFIX = "tkmh";
  static final String BRIDGE = PREFIX + "-br";
  static final String SUBNET = "10.77.0.";
  /** The bridge's address: the stores and the test driver, reachable from every host. */
  static final String DATA_TIER = SUBNET + "1";

  private final int count;

  private Hosts(int count) {
    this.count = count;
  }

  /** Creates {@code count} hosts, host k with address 10.77.0.(10 + k). */
  static Hosts create(int count) throws IOException, InterruptedException {
    removeLeftovers();
    Hosts hosts = new Hosts(count);
    try {
      ip("link", "add", BRIDGE, "type", "bridge");
      ip("addr", "add", DATA_TIER + "/24", "dev", BRIDGE);
      ip("link", "set", BRIDGE, "up");
      for (int k = 1; k <= count; k++) {
        String ns = namespace(k);
        String cable = cable(k);
        ip("netns", "add", ns);
        ip("link", "add", cable, "type", "veth", "peer", "name", "eth0", "netns", ns);
        ip("link", "set", cable, "master", BRIDGE);
        ip("link", "set", cable, "up");
        ip("-n", ns, "addr", "add", address(k) + "/24", "dev", "eth0");
        ip("-n", ns, "link", "set", "eth0", "up");
        ip("-n", ns, "link", "set", "lo", "up");
      }
      return hosts;
    } catch (IOException | RuntimeException e) {
      hosts.close();
      throw e;
    }
  }

  /** Whether this machine lets us make namespaces (root, iproute2); why not, when it does not. */
  static String unavailableBecause() {
    try {
      String probe = PREFIX + "-probe";
      run(List.of("ip", "netns", "add", probe));
      run(List.of("ip", "netns", "del", probe));
      return null;
    } catch (IOException | RuntimeException e) {
      return e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  static String address(int host) {
    return SUBNET + (10 + host);
  }

  static String namespace(int host) {
    return PREFIX + "-h" + host;
  }

  /** How to run a command on host k. */
  static List<String> on(int host) {
    return List.of("ip", "netns", "exec", namespace(host));
  }

  int count() {
    return count;
  }

  /** Host k loses its network: the other side sees silence, not refusals. */
  void cut(int host) throws IOException, InterruptedException {
    ip("link", "set", cable(host), "down");
  }

  void heal(int host) throws IOException, InterruptedException {
    ip("link", "set", cable(host), "up");
  }

  @Override
  public void close() {
    try {
      removeLeftovers();
    } catch (IOException e) {
      System.err.println("multihost: could not remove every namespace: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String cable(int host) {
    return PREFIX + "-h" + host + "v";
  }

  /** Deletes every namespace and link of ours (a namespace takes its veth end, and so the pair, with it). */
  private static void removeLeftovers() throws IOException, InterruptedException {
    for (String ns : run(List.of("ip", "netns", "list")).lines().map(line -> line.split(" ")[0]).toList()) {
      if (ns.startsWith(PREFIX + "-")) {
        run(List.of("ip", "netns", "del", ns));
      }
    }
    for (String link : run(List.of("ip", "-o", "link", "show")).lines()
        .map(line -> line.split(":\\s+")[1].replaceAll("@.*", "")).toList()) {
      if (link.startsWith(PREFIX + "-")) {
        try {
          run(List.of("ip", "link", "del", link));
        } catch (IOException goneMeanwhile) {
          // a veth end goes with its peer's namespace, a moment after the list was read
        }
      }
    }
  }

  private static void ip(String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("ip"));
    command.addAll(List.of(arguments));
    run(command);
  }

  private static String run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + output.strip());
    }
    return output;
  }
}
