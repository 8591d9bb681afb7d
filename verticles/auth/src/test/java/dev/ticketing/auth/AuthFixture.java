package dev.ticketing.auth;

import static dev.ticketing.platform.testing.Blocking.await;

import dev.ticketing.auth.security.SigninLimits;
import dev.ticketing.contracts.commands.Command;
import dev.ticketing.contracts.commands.CommandHeaders;
import dev.ticketing.contracts.errors.ApiException;
import dev.ticketing.platform.testing.EmbeddedMongo;
import dev.ticketing.platform.testing.RedisServer;
import dev.ticketing.platform.testing.Refusals;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;

/**
 * Sends auth commands the way the gateway does, and reads failures back as the gateway would. The blocking
 * steps are for the JUnit thread; the futures are for requests a test sends together.
 */
final class AuthFixture {

  private AuthFixture() {
  }

  static AuthConfig config(EmbeddedMongo mongo, RedisServer redis, SigninLimits limits) {
    return new AuthConfig(mongo.settings("auth"), redis.settings(), 0, 10, limits);
  }

  static Future<JsonObject> send(Vertx vertx, Command command, String email, String password, String clientAddress) {
    DeliveryOptions options = new DeliveryOptions().addHeader(CommandHeaders.CLIENT_ADDRESS, clientAddress);
    JsonObject body = new JsonObject().put("email", email).put("password", password);
    return vertx.eventBus().<JsonObject>request(command.address(), body, options).map(reply -> reply.body());
  }

  /** Sends the command and waits for the typed failure it answers with; the wait fails when the command succeeds. */
  static ApiException refusal(Vertx vertx, Command command, String email, String password, String clientAddress)
      throws Exception {
    return await(failure(send(vertx, command, email, password, clientAddress)));
  }

  /** The typed failure a command answered with (fails the future if it succeeded). */
  static Future<ApiException> failure(Future<JsonObject> reply) {
    return Refusals.apiError(reply);
  }
}
