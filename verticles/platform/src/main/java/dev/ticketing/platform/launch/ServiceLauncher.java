package dev.ticketing.platform.launch;

import dev.ticketing.platform.cluster.ClusterSettings;
import dev.ticketing.platform.cluster.ClusteredVertx;
import dev.ticketing.platform.cluster.SubscriptionWatch;
import dev.ticketing.platform.config.ConfigException;
import dev.ticketing.platform.config.ConfigLoader;
import dev.ticketing.platform.config.Settings;
import dev.ticketing.platform.metrics.Metrics;
import io.vertx.core.Deployable;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every service's {@code main} does: read and validate configuration, join the clustered
 * event bus, deploy the service's verticle, and leave cleanly on SIGTERM. The service supplies only
 * a function from validated settings to its verticle, so its own config errors are reported
 * together with the platform's before anything starts.
 */
public final class ServiceLauncher {

  private static final Logger log = LoggerFactory.getLogger(ServiceLauncher.class);
  private static final int EXIT_CONFIG = 2;
  private static final int EXIT_START = 3;
  /** The cluster would not route to us again: a supervisor starts a clean JVM. */
  private static final int EXIT_LOST_SUBSCRIPTION = 4;
  /** The appenders of logback.xml: text for a terminal, json (one object per line) for a collector. */
  private static final List<String> LOG_FORMATS = List.of("text", "json");

  private ServiceLauncher() {
  }

  public static void launch(String service, Function<Settings, Supplier<? extends Deployable>> verticles) {
    long began = System.nanoTime();
    String logFormat = System.getenv().getOrDefault("LOG_FORMAT", "text");
    if (!LOG_FORMATS.contains(logFormat)) {
      // Not through the logger: with an unknown format logback has no appender and would print nothing.
      System.err.printf("%s cannot start. LOG_FORMAT must be one of %s, not '%s'%n", service, LOG_FORMATS, logFormat);
      System.exit(EXIT_CONFIG);
    }
    Metrics.nameService(service);
    Settings settings;
    ClusterSettings cluster;
    Supplier<? extends Deployable> verticle;
    try {
      settings = Settings.of(ConfigLoader.load(service));
      cluster = ClusterSettings.from(settings);
      Metrics.configure(settings);
      verticle = verticles.apply(settings);
      settings.validate();
    } catch (ConfigException e) {
      log.error("{} cannot start. {}", service, e.getMessage());
      System.exit(EXIT_CONFIG);
      return;
    }

    Vertx vertx;
    try {
      vertx = ClusteredVertx.start(cluster)
          .toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
    } catch (Exception e) {
      log.error("{} could not join the cluster '{}'", service, cluster.name(), e);
      System.exit(EXIT_START);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(service, vertx), service + "-shutdown"));

    vertx.deployVerticle(verticle, new DeploymentOptions())
        .onSuccess(id -> log.info("{} started in {} ms", service, (System.nanoTime() - began) / 1_000_000))
        .onSuccess(id -> SubscriptionWatch.start(vertx, cluster.subscriptionCheckMillis(), () -> System.exit(EXIT_LOST_SUBSCRIPTION)))
        .onFailure(e -> {
          log.error("{} failed to start", service, e);
          vertx.close().onComplete(closed -> System.exit(EXIT_START));
        });
  }

  /** Undeploys (closing servers, consumers and clients) and leaves the cluster before the JVM exits. */
  private static void stop(String service, Vertx vertx) {
    log.info("{} stopping", service);
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
      log.info("{} stopped", service);
    } catch (Exception e) {
      log.warn("{} did not stop cleanly within 20 s", service, e);
    }
  }
}
