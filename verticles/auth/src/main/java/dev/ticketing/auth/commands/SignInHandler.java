package dev.ticketing.auth.commands;

import dev.ticketing.auth.domain.CredentialRules;
import dev.ticketing.auth.domain.User;
import dev.ticketing.auth.security.PasswordHasher;
import dev.ticketing.auth.security.SigninThrottle;
import dev.ticketing.auth.store.UserStore;
import dev.ticketing.contracts.commands.Credentials;
import dev.ticketing.contracts.errors.ApiException;
import dev.ticketing.contracts.errors.BadRequest;
import dev.ticketing.platform.commands.CommandHandler;
import dev.ticketing.platform.commands.CommandRequest;
import dev.ticketing.platform.metrics.Metrics;
import io.micrometer.core.instrument.Counter;
import io.vertx.core.Future;
import java.util.UUID;

/**
 * Checks credentials. An unknown email and a wrong password get the same answer, and take the
 * same time: an unknown email is verified against a decoy hash, so timing does not reveal which
 * emails have accounts.
 */
public final class SignInHandler implements CommandHandler {

  private final UserStore users;
  private final PasswordHasher hasher;
  private final SigninThrottle throttle;
  private final Future<String> decoyHash;

  public SignInHandler(UserStore users, PasswordHasher hasher, SigninThrottle throttle) {
    this.users = users;
    this.hasher = hasher;
    this.throttle = throttle;
    this.decoyHash = hasher.hash(UUID.randomUUID().toString());
  }

  @Override
  public Future<?> handle(CommandRequest request) {
    Credentials credentials = CredentialRules.forSignIn(Credentials.fromJson(request.body()));
    String address = request.clientAddress();
    return throttle.attempt(credentials.email(), address)
        .compose(counted -> users.findByEmail(credentials.email()))
        .compose(user -> verify(credentials.password(), user))
        .compose(user -> user != null
            ? throttle.succeeded(credentials.email(), address).map(UserReplies.render(user))
            : Future.failedFuture(new BadRequest("Invalid credentials")))
        .onComplete(result -> count(result.succeeded() ? "signed_in" : outcomeOf(result.cause())));
  }

  /** {@code ticketing_signin_attempts_total} by outcome: throttled ones show guessing being held back. */
  private static void count(String outcome) {
    Counter.builder("ticketing_signin_attempts").description("Sign-in attempts by outcome")
        .tag("outcome", outcome).register(Metrics.registry()).increment();
  }

  private static String outcomeOf(Throwable failure) {
    return switch (failure instanceof ApiException api ? api.status() : 500) {
      case 400 -> "wrong_credentials";
      case 429 -> "throttled";
      case 503 -> "unavailable";
      default -> "failed";
    };
  }

  /** The user when the password matches, else null. */
  private Future<User> verify(String password, User user) {
    Future<String> hash = user == null ? decoyHash : Future.succeededFuture(user.passwordHash());
    return hash.compose(stored -> hasher.verify(password, stored))
        .map(matches -> user != null && matches ? user : null);
  }
}
