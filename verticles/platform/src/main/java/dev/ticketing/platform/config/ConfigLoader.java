package dev.ticketing.platform.config;

import io.vertx.config.ConfigRetriever;
import io.vertx.config.ConfigRetrieverOptions;
import io.vertx.config.ConfigStoreOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Reads the configuration of one service with vertx-config, lowest precedence first:
 * {@code conf/ticketing.json} (shared), {@code conf/<service>.json} (that service), then the
 * environment. The folder is {@code TICKETING_CONF_DIR} or {@code ./conf}. Missing files are
 * skipped, so a container can run on environment variables alone.
 */
public final class ConfigLoader {

  private ConfigLoader() {
  }

  public static JsonObject load(String service) {
    Path dir = Path.of(System.getenv().getOrDefault("TICKETING_CONF_DIR", "conf"));
    ConfigRetrieverOptions options = new ConfigRetrieverOptions().setIncludeDefaultStores(false);
    for (Path file : new Path[] {dir.resolve("ticketing.json"), dir.resolve(service + ".json")}) {
      if (Files.isRegularFile(file)) {
        options.addStore(new ConfigStoreOptions().setType("file").setFormat("json")
            .setConfig(new JsonObject().put("path", file.toString())));
      }
    }
    // raw-data keeps values as text: a key that looks like a number stays exactly as written.
    options.addStore(new ConfigStoreOptions().setType("env").setConfig(new JsonObject().put("raw-data", true)));

    // Configuration is needed before the clustered Vert.x exists, so a short-lived local one reads it.
    Vertx reader = Vertx.vertx();
    try {
      return ConfigRetriever.create(reader, options).getConfig()
          .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("Cannot read configuration from " + dir.toAbsolutePath() + ": " + e.getMessage(), e);
    } finally {
      reader.close();
    }
  }
}
