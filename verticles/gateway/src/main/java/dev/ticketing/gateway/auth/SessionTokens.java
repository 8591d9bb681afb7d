package dev.ticketing.gateway.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;

/**
 * Issues and verifies session tokens: HS256 JWTs {@code {id, email, iat, exp}}. Verification
 * accepts only HS256 with our key, so unsigned ({@code alg: none}), tampered, wrong-key and expired
 * tokens all fail and mean "nobody is signed in".
 */
public final class SessionTokens {

  private static final String ALGORITHM = "HS256";

  private final JWTAuth jwt;
  private final long ttlSeconds;

  public SessionTokens(Vertx vertx, String key, long ttlSeconds) {
    this.jwt = JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm(ALGORITHM).setBuffer(key))
        .setJWTOptions(new JWTOptions().setAlgorithm(ALGORITHM).setLeeway(0)));
    this.ttlSeconds = ttlSeconds;
  }

  public long ttlSeconds() {
    return ttlSeconds;
  }

  public String issue(String userId, String email) {
    return jwt.generateToken(new JsonObject().put("id", userId).put("email", email),
        new JWTOptions().setAlgorithm(ALGORITHM).setExpiresInSeconds((int) ttlSeconds));
  }

  /** The session's user; fails for any token we did not issue or that has expired. */
  public Future<SessionUser> verify(String token) {
    // The verified claims are in the user's "accessToken" attribute (Vert.x 5), not in its principal.
    return jwt.authenticate(new TokenCredentials(token)).map(user -> {
      JsonObject claims = user.attributes().getJsonObject("accessToken", new JsonObject());
      Object id = claims.getValue("id");
      Object email = claims.getValue("email");
      if (!(id instanceof String) || !(email instanceof String) || !(claims.getValue("exp") instanceof Number)) {
        throw new IllegalArgumentException("session token lacks id, email or exp");
      }
      return new SessionUser((String) id, (String) email, claims.getLong("iat", 0L), claims.getLong("exp"));
    });
  }
}
