package dev.ticketing.platform.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free TCP ports for servers that cannot bind port 0 themselves (redis-server, child JVMs). They
 * are drawn below the kernel's ephemeral range (32768 and up on Linux): a port the kernel hands to
 * some outgoing connection (Hazelcast's, the Mongo driver's) can then never take the port a child
 * JVM was told to listen on before it gets to bind it.
 */
public final class Ports {

  private static final int LOW = 10_000;
  private static final int HIGH = 32_000;

  private Ports() {
  }

  public static int free() {
    return freeRun(1);
  }

  /** The first of {@code count} consecutive free ports. */
  public static int freeRun(int count) {
    for (int attempt = 0; attempt < 1_000; attempt++) {
      int first = ThreadLocalRandom.current().nextInt(LOW, HIGH - count);
      if (allFree(first, count)) {
        return first;
      }
    }
    throw new IllegalStateException("no run of " + count + " free ports between " + LOW + " and " + HIGH);
  }

  private static boolean allFree(int first, int count) {
    for (int port = first; port < first + count; port++) {
      try (ServerSocket socket = new ServerSocket()) {
        socket.setReuseAddress(false);
        socket.bind(new InetSocketAddress("127.0.0.1", port));
      } catch (IOException taken) {
        return false;
      }
    }
    return true;
  }
}
