package dev.ticketing.platform.cluster;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

/** Starts a Vert.x instance that is a member of the Hazelcast-clustered event bus. */
public final class ClusteredVertx {

  private ClusteredVertx() {
  }

  public static Future<Vertx> start(ClusterSettings settings) {
    VertxOptions options = new VertxOptions().setEventBusOptions(
        new EventBusOptions().setHost(settings.busHost()).setPort(0));
    return Vertx.builder()
        .with(options)
        .withClusterManager(new HazelcastClusterManager(HazelcastConfigFactory.create(settings)))
        .buildClustered();
  }
}
