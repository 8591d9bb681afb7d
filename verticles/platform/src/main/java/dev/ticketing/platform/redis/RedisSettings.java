package dev.ticketing.platform.redis;

import dev.ticketing.platform.config.Settings;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.RedisOptions;

/**
 * The Redis a service uses, from {@code REDIS_URI} (redis://127.0.0.1:6379 by default).
 *
 * @param commandTimeoutMillis how long a caller waits for one command (REDIS_COMMAND_TIMEOUT_MS);
 *                             the client has no timeout of its own, so callers bound every call
 */
public record RedisSettings(String uri, long commandTimeoutMillis) {

  public static final long DEFAULT_COMMAND_TIMEOUT_MILLIS = 3_000;
  // A connection that has carried nothing for this long is closed: a server that hung mid-request
  // then fails that request instead of holding its connection for ever.
  private static final int IDLE_SECONDS = 30;

  public RedisSettings(String uri) {
    this(uri, DEFAULT_COMMAND_TIMEOUT_MILLIS);
  }

  public static RedisSettings from(Settings settings) {
    String uri = settings.string("REDIS_URI", "redis://127.0.0.1:6379");
    if (!uri.startsWith("redis://") && !uri.startsWith("rediss://")) {
      settings.problem("REDIS_URI must be a redis:// or rediss:// address, got '" + uri + "'");
    }
    return new RedisSettings(uri,
        settings.longInteger("REDIS_COMMAND_TIMEOUT_MS", DEFAULT_COMMAND_TIMEOUT_MILLIS, 10, 600_000));
  }

  public RedisAPI client(Vertx vertx) {
    RedisOptions options = new RedisOptions()
        .setConnectionString(uri)
        .setMaxPoolSize(8)
        .setMaxPoolWaiting(4096)
        .setNetClientOptions(new NetClientOptions().setTcpKeepAlive(true).setIdleTimeout(IDLE_SECONDS)
            .setConnectTimeout((int) Math.min(commandTimeoutMillis, Integer.MAX_VALUE)));
    return RedisAPI.api(Redis.createClient(vertx, options));
  }
}
