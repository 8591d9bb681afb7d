package dev.ticketing.auth.commands;

import dev.ticketing.auth.domain.CredentialRules;
import dev.ticketing.auth.security.PasswordHasher;
import dev.ticketing.auth.store.UserStore;
import dev.ticketing.contracts.commands.Credentials;
import dev.ticketing.platform.commands.CommandHandler;
import dev.ticketing.platform.commands.CommandRequest;
import io.vertx.core.Future;

/** Creates an account. A taken email is found by the unique index when inserting, not by a lookup first. */
public final class SignUpHandler implements CommandHandler {

  private final UserStore users;
  private final PasswordHasher hasher;

  public SignUpHandler(UserStore users, PasswordHasher hasher) {
    this.users = users;
    this.hasher = hasher;
  }

  @Override
  public Future<?> handle(CommandRequest request) {
    Credentials credentials = CredentialRules.forSignUp(Credentials.fromJson(request.body()));
    return hasher.hash(credentials.password())
        .compose(hash -> users.insert(credentials.email(), hash))
        .map(UserReplies::render);
  }
}
