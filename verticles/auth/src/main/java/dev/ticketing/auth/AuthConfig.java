package dev.ticketing.auth;

import dev.ticketing.platform.config.Settings;
import dev.ticketing.platform.mongo.MongoSettings;
import dev.ticketing.platform.redis.RedisSettings;
import dev.ticketing.auth.security.SigninLimits;

/**
 * Everything the auth service reads at start-up, validated.
 *
 * @param managementPort port of /health and /ready (0: any free port)
 * @param bcryptCost     work factor of password hashes; at least 10
 */
public record AuthConfig(MongoSettings mongo, RedisSettings redis, int managementPort, int bcryptCost,
                         SigninLimits signinLimits) {

  public static AuthConfig from(Settings settings) {
    return new AuthConfig(
        MongoSettings.from(settings, "auth"),
        RedisSettings.from(settings),
        settings.integer("AUTH_MANAGEMENT_PORT", 9101, 0, 65535),
        settings.integer("BCRYPT_COST", 10, 10, 16),
        SigninLimits.from(settings));
  }
}
