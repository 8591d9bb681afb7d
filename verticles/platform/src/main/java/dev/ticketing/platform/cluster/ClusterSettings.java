package dev.ticketing.platform.cluster;

import dev.ticketing.platform.config.Settings;
import java.util.List;

/**
 * How this JVM finds the others. Locally every JVM joins over TCP on 127.0.0.1 (the first member
 * takes port 5701, the next ones count up). On several hosts, list them in CLUSTER_MEMBERS and name
 * the network in CLUSTER_INTERFACE; on Kubernetes set CLUSTER_JOIN=kubernetes and point
 * CLUSTER_KUBERNETES_SERVICE_DNS at a headless service.
 *
 * @param name         Hazelcast cluster name: JVMs with another name never join (tests use their own)
 * @param join         tcp or kubernetes
 * @param members      TCP members, "host" or "host:port"
 * @param port         first port this member tries
 * @param interfaceMask the network interface to bind, for example 10.0.*.* (empty: any)
 * @param busHost      the address the event bus listens on and advertises
 * @param kubernetesServiceDns headless service used when join is kubernetes
 * @param failureDetectionSeconds a member silent this long is taken out of the cluster (Hazelcast's
 *                     default is 60 s; while a cut-off member is still listed, half the requests
 *                     routed to it wait for their timeout, so we notice sooner)
 * @param mergeCheckSeconds how often a member looks for another half of a split cluster to merge
 *                     with, once the network heals (Hazelcast's default waits 300 s, then 120 s)
 * @param subscriptionCheckMillis how often {@link SubscriptionWatch} checks that the cluster still
 *                     routes to this JVM's consumers (0: never)
 */
public record ClusterSettings(String name, String join, List<String> members, int port,
                              String interfaceMask, String busHost, String kubernetesServiceDns,
                              int failureDetectionSeconds, int mergeCheckSeconds, long subscriptionCheckMillis) {

  public static ClusterSettings from(Settings settings) {
    String join = settings.string("CLUSTER_JOIN", "tcp").toLowerCase();
    if (!join.equals("tcp") && !join.equals("kubernetes")) {
      settings.problem("CLUSTER_JOIN must be tcp or kubernetes, got '" + join + "'");
    }
    String dns = settings.string("CLUSTER_KUBERNETES_SERVICE_DNS", "");
    if (join.equals("kubernetes") && dns.isEmpty()) {
      settings.problem("CLUSTER_KUBERNETES_SERVICE_DNS is required when CLUSTER_JOIN=kubernetes");
    }
    List<String> members = settings.list("CLUSTER_MEMBERS", "127.0.0.1");
    for (String member : members) {
      if (member.matches(".*:\\d+-\\d+")) {
        settings.problem("CLUSTER_MEMBERS entry '" + member + "' uses a port range; list each host:port (Hazelcast rejects ranges)");
      }
    }
    return new ClusterSettings(
        settings.string("CLUSTER_NAME", "ticketing"),
        join,
        members,
        settings.integer("CLUSTER_PORT", 5701, 1, 65535),
        settings.string("CLUSTER_INTERFACE", "127.0.0.1"),
        settings.string("CLUSTER_HOST", "127.0.0.1"),
        dns,
        settings.integer("CLUSTER_FAILURE_DETECTION_SECONDS", 15, 2, 600),
        settings.integer("CLUSTER_MERGE_CHECK_SECONDS", 20, 1, 3600),
        settings.longInteger("CLUSTER_SUBSCRIPTION_CHECK_MS", 5000, 0, 600_000));
  }
}
