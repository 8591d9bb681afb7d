package dev.ticketing.stripesandbox;

import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the Stripe sandbox as its own process for local runs. Settings come from the environment
 * (see {@link SandboxSettings#fromEnvironment}); SIGTERM closes the HTTP server before the JVM exits.
 * Never point production at it: it accepts any test key and keeps everything in memory.
 */
public final class StripeSandboxMain {

  private static final Logger log = LoggerFactory.getLogger(StripeSandboxMain.class);
  private static final int EXIT_CONFIG = 2;
  private static final int EXIT_START = 3;

  private StripeSandboxMain() {
  }

  public static void main(String[] args) {
    SandboxSettings settings;
    try {
      settings = SandboxSettings.fromEnvironment(System.getenv());
    } catch (IllegalArgumentException e) {
      log.error("Stripe sandbox cannot start. {}", e.getMessage());
      System.exit(EXIT_CONFIG);
      return;
    }

    Vertx vertx = Vertx.vertx();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(vertx), "stripe-sandbox-shutdown"));
    vertx.deployVerticle(new StripeSandbox(settings)).onFailure(e -> {
      log.error("Stripe sandbox failed to start on {}:{}", settings.host(), settings.port(), e);
      vertx.close().onComplete(closed -> System.exit(EXIT_START));
    });
  }

  private static void stop(Vertx vertx) {
    log.info("Stripe sandbox stopping");
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      log.info("Stripe sandbox stopped");
    } catch (Exception e) {
      log.warn("Stripe sandbox did not stop cleanly within 10 s", e);
    }
  }
}
