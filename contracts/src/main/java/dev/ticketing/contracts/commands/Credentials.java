package dev.ticketing.contracts.commands;

import io.vertx.core.json.JsonObject;

/** Body of {@link Command#SIGN_UP} and {@link Command#SIGN_IN}; both reply with the user {@code {id, email}}. */
public record Credentials(String email, String password) implements CommandBody {

  @Override
  public JsonObject toJson() {
    return new JsonObject().put("email", email).put("password", password);
  }

  public static Credentials fromJson(JsonObject json) {
    return new Credentials(Fields.text(json, "email"), Fields.text(json, "password"));
  }
}
