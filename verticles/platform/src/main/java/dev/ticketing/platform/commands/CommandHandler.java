package dev.ticketing.platform.commands;

import io.vertx.core.Future;

/**
 * Answers one command. The result is the reply body: a JsonObject, a JsonArray, or null for an
 * empty object. Failing with an ApiException sends that status and error list to the client;
 * any other failure is logged and becomes a generic 500.
 */
@FunctionalInterface
public interface CommandHandler {

  Future<?> handle(CommandRequest request);
}
