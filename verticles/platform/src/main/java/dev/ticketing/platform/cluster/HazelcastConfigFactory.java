package dev.ticketing.platform.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;

/** Builds the Hazelcast member configuration from {@link ClusterSettings}, on top of Vert.x's defaults. */
final class HazelcastConfigFactory {

  private HazelcastConfigFactory() {
  }

  static Config create(ClusterSettings settings) {
    // Vert.x's default cluster.xml holds the map/multimap settings its event bus relies on.
    Config config = ConfigUtil.loadConfig();
    config.setClusterName(settings.name());
    // Measured: joining takes ~1.5 s instead of ~6.5 s without the default wait.
    config.setProperty("hazelcast.wait.seconds.before.join", "0");
    config.setProperty("hazelcast.phone.home.enabled", "false");
    // The cluster holds only the event bus's subscriptions, locks and counters: 31 partitions instead
    // of 271 make every member's join (which moves partitions around) cheaper. Measured: the whole
    // system's start 23 s -> 16 s on 2 cores. Every member of one cluster must use the same count, so
    // a rolling update from a build with another count needs a new CLUSTER_NAME.
    config.setProperty("hazelcast.partition.count", "31");
    config.setProperty("hazelcast.logging.type", "slf4j");
    // A partition: members on the far side are dropped after this much silence (heartbeats every
    // 2 s), and the halves look for each other every mergeCheckSeconds once the network is back.
    config.setProperty("hazelcast.heartbeat.interval.seconds", "2");
    config.setProperty("hazelcast.max.no.heartbeat.seconds", String.valueOf(settings.failureDetectionSeconds()));
    config.setProperty("hazelcast.merge.first.run.delay.seconds", String.valueOf(settings.mergeCheckSeconds()));
    config.setProperty("hazelcast.merge.next.run.delay.seconds", String.valueOf(settings.mergeCheckSeconds()));
    // Our SIGTERM handler closes Vert.x (which leaves the cluster) in order; Hazelcast's own hook would race it.
    config.setProperty("hazelcast.shutdownhook.enabled", "false");

    NetworkConfig network = config.getNetworkConfig();
    network.setPort(settings.port()).setPortAutoIncrement(true);
    if (!settings.interfaceMask().isEmpty()) {
      network.getInterfaces().setEnabled(true).addInterface(settings.interfaceMask());
    }
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    if (settings.join().equals("kubernetes")) {
      join.getTcpIpConfig().setEnabled(false);
      join.getKubernetesConfig().setEnabled(true)
          .setProperty("service-dns", settings.kubernetesServiceDns());
    } else {
      join.getTcpIpConfig().setEnabled(true).setMembers(settings.members());
    }
    return config;
  }
}
