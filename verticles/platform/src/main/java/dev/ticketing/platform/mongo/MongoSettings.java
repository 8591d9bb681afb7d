package dev.ticketing.platform.mongo;

import dev.ticketing.platform.config.Settings;
import java.util.Locale;

/**
 * Where a service's own database lives. {@code <SERVICE>_MONGO_URI} (for example
 * TICKETS_MONGO_URI) wins over the shared {@code MONGO_URI}, so each service can point at its own
 * MongoDB deployment; the database is {@code <SERVICE>_MONGO_DB}, by default the service's name.
 */
public record MongoSettings(String uri, String database, int socketTimeoutMillis) {

  /** Long enough for the slowest call we make (an index build at start-up), short enough to notice a hung server. */
  public static final int DEFAULT_SOCKET_TIMEOUT_MILLIS = 10_000;

  public MongoSettings(String uri, String database) {
    this(uri, database, DEFAULT_SOCKET_TIMEOUT_MILLIS);
  }

  public static MongoSettings from(Settings settings, String service) {
    String prefix = service.toUpperCase(Locale.ROOT) + "_";
    String uri = settings.firstOf(prefix + "MONGO_URI", "MONGO_URI").orElse("mongodb://127.0.0.1:27017");
    if (!uri.startsWith("mongodb://") && !uri.startsWith("mongodb+srv://")) {
      settings.problem(prefix + "MONGO_URI / MONGO_URI must be a mongodb:// connection string");
    }
    return new MongoSettings(uri, settings.string(prefix + "MONGO_DB", service),
        settings.integer("MONGO_SOCKET_TIMEOUT_MS", DEFAULT_SOCKET_TIMEOUT_MILLIS, 100, 600_000));
  }
}
