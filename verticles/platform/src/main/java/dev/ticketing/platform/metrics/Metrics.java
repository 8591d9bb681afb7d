package dev.ticketing.platform.metrics;

import dev.ticketing.platform.config.Settings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.ext.web.Router;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.util.EnumSet;

/**
 * This JVM's metrics, in Prometheus' text format at {@code /metrics} on the management port (never
 * on the public one). One registry per JVM holds both what Vert.x measures itself (HTTP latency by
 * route and status, event-bus traffic by address, pools, the JVM) and the service's own meters,
 * which any class registers with {@link #registry()}: every series carries a {@code service} tag,
 * so one dashboard can hold every service's instances.
 *
 * <p>Names: ours start with {@code ticketing_}; Vert.x's with {@code vertx_}; the JVM's with
 * {@code jvm_} and {@code process_}. The README's "Observability" section lists them.
 */
public final class Metrics {

  private static final PrometheusMeterRegistry REGISTRY = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  static {
    // Every reply of a request/response goes to a fresh address: as a label it would grow without bound.
    REGISTRY.config().meterFilter(MeterFilter.replaceTagValues(Label.EB_ADDRESS.toString(),
        address -> address.startsWith("__vertx.reply.") ? "reply" : address));
  }

  private Metrics() {
  }

  /** The registry to add a service's own meters to. */
  public static MeterRegistry registry() {
    return REGISTRY;
  }

  /** Whether Vert.x measures itself (METRICS_VERTX); our own meters are always there. */
  private static volatile boolean vertxMeasured = true;

  /** Tags every series of this JVM with the service's name; called once, before any meter exists. */
  public static void nameService(String service) {
    REGISTRY.config().commonTags("service", service);
  }

  /**
   * METRICS_VERTX (true): false leaves out what Vert.x measures of itself (HTTP, event bus, pools,
   * JVM), keeping the service's own meters; for measuring what the instrumentation costs.
   */
  public static void configure(Settings settings) {
    vertxMeasured = settings.bool("METRICS_VERTX", true);
  }

  /** Vert.x with its own metrics reported to this registry, with the labels our dashboards group by. */
  public static VertxBuilder instrument(VertxBuilder builder, VertxOptions options) {
    if (!vertxMeasured) {
      return builder.with(options);
    }
    options.setMetricsOptions(new MicrometerMetricsOptions()
        .setEnabled(true)
        .setJvmMetricsEnabled(true)
        .setLabels(EnumSet.of(Label.HTTP_ROUTE, Label.HTTP_METHOD, Label.HTTP_CODE,
            Label.EB_ADDRESS, Label.EB_SIDE, Label.EB_FAILURE, Label.POOL_TYPE, Label.POOL_NAME)));
    return builder.with(options).withMetrics(new MicrometerMetricsFactory(REGISTRY));
  }

  /** {@code GET /metrics}: the scrape endpoint. */
  public static void mount(Router router) {
    router.get("/metrics").handler(PrometheusScrapingHandler.create(REGISTRY));
  }
}
