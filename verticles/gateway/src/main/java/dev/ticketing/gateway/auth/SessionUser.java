package dev.ticketing.gateway.auth;

import io.vertx.core.json.JsonObject;

/** The user a valid session token names; {@code iat}/{@code exp} are epoch seconds. */
public record SessionUser(String id, String email, long issuedAt, long expiresAt) {

  public JsonObject toJson() {
    return new JsonObject().put("id", id).put("email", email).put("iat", issuedAt).put("exp", expiresAt);
  }
}
