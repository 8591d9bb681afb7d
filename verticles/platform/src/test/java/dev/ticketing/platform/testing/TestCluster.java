package dev.ticketing.platform.testing;

import dev.ticketing.platform.cluster.ClusterSettings;
import dev.ticketing.platform.cluster.ClusteredVertx;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * A private Hazelcast cluster for one test class: its own cluster name and its own port range,
 * so it never joins a developer's running system (or another test's cluster).
 */
public final class TestCluster {

  private static final int MEMBERS = 10;

  private final ClusterSettings settings;

  public TestCluster() {
    int base = Ports.freeRun(MEMBERS);
    List<String> members = IntStream.range(0, MEMBERS).mapToObj(i -> "127.0.0.1:" + (base + i)).toList();
    settings = new ClusterSettings("test-" + UUID.randomUUID(), "tcp", members, base, "127.0.0.1", "127.0.0.1", "", 15, 20, 0);
  }

  public ClusterSettings settings() {
    return settings;
  }

  /** The same settings as environment variables, for a member started as a child JVM. */
  public java.util.Map<String, String> environment() {
    return java.util.Map.of(
        "CLUSTER_NAME", settings.name(),
        "CLUSTER_MEMBERS", String.join(",", settings.members()),
        "CLUSTER_PORT", String.valueOf(settings.port()),
        "CLUSTER_INTERFACE", settings.interfaceMask(),
        "CLUSTER_HOST", settings.busHost());
  }

  public Future<Vertx> join() {
    return ClusteredVertx.start(settings);
  }
}
