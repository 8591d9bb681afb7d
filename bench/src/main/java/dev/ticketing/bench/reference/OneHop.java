package dev.ticketing.bench.reference;

import dev.ticketing.platform.cluster.ClusterSettings;
import dev.ticketing.platform.cluster.ClusteredVertx;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The second reference: the same small JSON, but the HTTP handler asks another JVM for it by one
 * event-bus request/reply over the Hazelcast-clustered bus, as the gateway asks a service. Run as
 * {@code front PORT CLUSTER BASEPORT} (the HTTP side) and {@code back CLUSTER BASEPORT} (the answering side).
 */
public final class OneHop {

  private static final String ADDRESS = "bench.reference.hop";

  private OneHop() {
  }

  public static void main(String[] args) throws Exception {
    boolean front = args[0].equals("front");
    String cluster = front ? args[2] : args[1];
    int basePort = Integer.parseInt(front ? args[3] : args[2]);
    ClusterSettings settings = new ClusterSettings(cluster, "tcp", List.of("127.0.0.1:" + basePort, "127.0.0.1:" + (basePort + 1)),
        basePort, "127.0.0.1", "127.0.0.1", "", 15, 20, 0);
    Vertx vertx = ClusteredVertx.start(settings).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    if (front) {
      int port = Integer.parseInt(args[1]);
      DeliveryOptions options = new DeliveryOptions().setSendTimeout(5_000);
      for (int i = 0; i < Runtime.getRuntime().availableProcessors(); i++) {
        vertx.createHttpServer().requestHandler(request -> vertx.eventBus().<JsonObject>request(ADDRESS, new JsonObject(), options)
                .onSuccess(reply -> request.response().putHeader("Content-Type", "application/json").end(reply.body().encode()))
                .onFailure(failure -> request.response().setStatusCode(503).end()))
            .listen(port, "127.0.0.1");
      }
    } else {
      JsonObject answer = new JsonObject().put("id", "6b0f2c8ba3dad17cbf3d1835").put("title", "Reference").put("price", 20.5);
      vertx.eventBus().<JsonObject>consumer(ADDRESS, message -> message.reply(answer));
    }
  }
}
