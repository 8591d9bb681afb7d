package dev.ticketing.platform.mongo;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;

/** The few things every store does with vertx-mongo-client. */
public final class Mongo {

  private static final int DUPLICATE_KEY = 11000;

  private Mongo() {
  }

  /**
   * A client whose every call ends: a server that stops answering fails the call after the socket
   * timeout instead of leaving it (and whatever waits on it) pending until TCP gives up.
   */
  public static MongoClient client(Vertx vertx, MongoSettings settings) {
    JsonObject config = new JsonObject()
        .put("connection_string", settings.uri())
        .put("db_name", settings.database())
        .put("serverSelectionTimeoutMS", 5000)
        .put("connectTimeoutMS", 5000)
        .put("socketTimeoutMS", settings.socketTimeoutMillis())
        .put("waitQueueTimeoutMS", 5000);
    return MongoClient.create(vertx, config);
  }

  /** Readiness: the server answers a ping. */
  public static Future<Void> ping(MongoClient client) {
    return client.runCommand("ping", new JsonObject().put("ping", 1)).mapEmpty();
  }

  public static Future<Void> uniqueIndex(MongoClient client, String collection, JsonObject keys, String name) {
    return client.createIndexWithOptions(collection, keys, new IndexOptions().unique(true).name(name));
  }

  /** True when a write failed because a unique index already holds the value (E11000). */
  public static boolean isDuplicateKey(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof com.mongodb.MongoServerException server && server.getCode() == DUPLICATE_KEY) {
        return true;
      }
      if (t.getMessage() != null && t.getMessage().contains("E11000")) {
        return true;
      }
    }
    return false;
  }
}
