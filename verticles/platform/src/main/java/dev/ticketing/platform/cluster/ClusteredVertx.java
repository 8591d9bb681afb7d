package dev.ticketing.platform.cluster;

import dev.ticketing.platform.metrics.Metrics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

/** Starts a Vert.x instance that is a member of the Hazelcast-clustered event bus, its metrics on. */
public final class ClusteredVertx {

  private ClusteredVertx() {
  }

  public static Future<Vertx> start(ClusterSettings settings) {
    VertxOptions options = new VertxOptions().setEventBusOptions(
        new EventBusOptions().setHost(settings.busHost()).setPort(0));
    return Metrics.instrument(Vertx.builder(), options)
        .withClusterManager(new HazelcastClusterManager(HazelcastConfigFactory.create(settings)))
        .buildClustered();
  }
}
