package dev.ticketing.auth.security;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategy;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * bcrypt (cost >= 10, ~145 ms per hash on our 2-core machines) on Vert.x worker threads.
 * Passwords may be up to 128 characters, which can exceed bcrypt's 72-byte input: longer ones are
 * pre-hashed with SHA-512 rather than silently truncated.
 */
public final class BcryptPasswordHasher implements PasswordHasher {

  private static final BCrypt.Version VERSION = BCrypt.Version.VERSION_2B;
  private static final LongPasswordStrategy LONG_PASSWORDS = LongPasswordStrategies.hashSha512(VERSION);

  private final Vertx vertx;
  private final int cost;

  public BcryptPasswordHasher(Vertx vertx, int cost) {
    this.vertx = vertx;
    this.cost = cost;
  }

  @Override
  public Future<String> hash(String password) {
    return vertx.executeBlocking(() -> BCrypt.with(VERSION, LONG_PASSWORDS).hashToString(cost, password.toCharArray()), false);
  }

  @Override
  public Future<Boolean> verify(String password, String hash) {
    return vertx.executeBlocking(
        () -> BCrypt.verifyer(VERSION, LONG_PASSWORDS).verify(password.toCharArray(), hash).verified, false);
  }
}
