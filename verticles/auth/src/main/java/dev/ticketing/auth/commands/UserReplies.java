package dev.ticketing.auth.commands;

import dev.ticketing.auth.domain.User;
import io.vertx.core.json.JsonObject;

/** Users as the API shows them: {@code {id, email}}, never the password's hash. */
final class UserReplies {

  private UserReplies() {
  }

  static JsonObject render(User user) {
    return new JsonObject().put("id", user.id()).put("email", user.email());
  }
}
