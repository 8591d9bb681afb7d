package dev.ticketing.auth.domain;

import io.vertx.core.json.JsonObject;

/** A stored account. The hash never leaves the auth service: {@link #toPublicJson()} omits it. */
public record User(String id, String email, String passwordHash) {

  public JsonObject toPublicJson() {
    return new JsonObject().put("id", id).put("email", email);
  }
}
