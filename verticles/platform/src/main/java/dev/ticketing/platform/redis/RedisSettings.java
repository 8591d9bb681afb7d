package dev.ticketing.platform.redis;

import dev.ticketing.platform.config.Settings;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.RedisOptions;

/** The Redis a service uses, from {@code REDIS_URI} (redis://127.0.0.1:6379 by default). */
public record RedisSettings(String uri) {

  public static RedisSettings from(Settings settings) {
    String uri = settings.string("REDIS_URI", "redis://127.0.0.1:6379");
    if (!uri.startsWith("redis://") && !uri.startsWith("rediss://")) {
      settings.problem("REDIS_URI must be a redis:// or rediss:// address, got '" + uri + "'");
    }
    return new RedisSettings(uri);
  }

  public RedisAPI client(Vertx vertx) {
    RedisOptions options = new RedisOptions()
        .setConnectionString(uri)
        .setMaxPoolSize(8)
        .setMaxPoolWaiting(4096);
    return RedisAPI.api(Redis.createClient(vertx, options));
  }
}
