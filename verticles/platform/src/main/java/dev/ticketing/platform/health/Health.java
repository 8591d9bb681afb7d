package dev.ticketing.platform.health;

import dev.ticketing.contracts.commands.Service;
import dev.ticketing.platform.cluster.Subscriptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.CheckResult;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;
import io.vertx.ext.web.Router;
import dev.ticketing.platform.delivery.OutboxAdmin;
import dev.ticketing.platform.delivery.OutboxGauges;
import dev.ticketing.platform.delivery.OutboxRelay;
import dev.ticketing.platform.metrics.Metrics;
import io.vertx.ext.web.healthchecks.HealthCheckHandler;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code /health} (the process answers: liveness) and {@code /ready} (every dependency this
 * service needs answers: readiness), with vertx-health-check. A service registers one readiness
 * check per dependency. Every JVM serves them on a small management server ({@link #serve}), with
 * its metrics; the gateway also mounts them on its public router, for load balancers.
 */
public final class Health {

  private static final long CHECK_TIMEOUT_MILLIS = 2000;

  private final Vertx vertx;
  private final HealthChecks readiness;

  public Health(Vertx vertx) {
    this.vertx = vertx;
    this.readiness = HealthChecks.create(vertx);
  }

  /** Adds a readiness check: ready while {@code probe} succeeds within two seconds. */
  public Health check(String name, Supplier<Future<?>> probe) {
    readiness.register(name, CHECK_TIMEOUT_MILLIS, promise -> probe.get().onComplete(result -> promise.tryComplete(
        result.succeeded() ? Status.OK()
            : Status.KO(new JsonObject().put("error", String.valueOf(result.cause().getMessage()))))));
    return this;
  }

  /**
   * Answers the gateway's readiness ping for {@code service}: the reply is sent only when every
   * readiness check of this JVM passes, so "the gateway is ready" means "every service is".
   */
  public Future<Void> answerPings(Service service) {
    return Subscriptions.of(vertx).consumer(service.pingAddress(), message -> readiness.checkStatus().onComplete(result -> {
      if (result.succeeded() && CheckResult.isUp(result.result())) {
        message.reply(new JsonObject().put("status", "UP"));
      } else {
        message.fail(503, service.serviceName() + " is not ready");
      }
    })).completion();
  }

  public void mount(Router router) {
    HealthCheckHandler liveness = HealthCheckHandler.create(vertx)
        .register("process", promise -> promise.complete(Status.OK()));
    router.get("/health").handler(liveness);
    router.get("/ready").handler(HealthCheckHandler.createWithHealthChecks(readiness));
  }

  /**
   * Serves the two routes on {@code port} (0 picks a free one), with the operator's view of the
   * given relays' outboxes (see {@link OutboxAdmin}) and this JVM's metrics at {@code /metrics}
   * (the relays' backlogs among them, see {@link OutboxGauges}). A management port, never the
   * public one: nothing here is for the internet.
   */
  public Future<HttpServer> serve(int port, OutboxRelay... relays) {
    Router router = Router.router(vertx);
    mount(router);
    OutboxAdmin.mount(router, List.of(relays));
    Metrics.mount(router);
    if (relays.length > 0) {
      OutboxGauges.watch(vertx, List.of(relays));
    }
    return vertx.createHttpServer().requestHandler(router).listen(port, "0.0.0.0");
  }
}
