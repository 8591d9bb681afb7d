package dev.ticketing.auth.security;

import io.vertx.core.Future;

/** Slow, salted password hashing. Implementations must not block the event loop. */
public interface PasswordHasher {

  Future<String> hash(String password);

  Future<Boolean> verify(String password, String hash);
}
