package dev.ticketing.platform.commands;

import dev.ticketing.contracts.commands.Command;
import dev.ticketing.contracts.commands.CommandHeaders;
import dev.ticketing.contracts.commands.EncodedReply;
import dev.ticketing.contracts.errors.ApiError;
import dev.ticketing.contracts.errors.ApiException;
import dev.ticketing.platform.cluster.Subscription;
import dev.ticketing.platform.cluster.Subscriptions;
import dev.ticketing.platform.logging.RequestIds;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers command handlers on their event-bus addresses and turns their outcomes into replies:
 * a result is the reply body (an {@link EncodedReply} goes as its bytes and headers), an
 * {@link ApiException} becomes {@code fail(status, errors JSON)}, a store that cannot be reached is a 503 (try again), anything else is logged with the request id
 * and sent as a generic 500. {@link #completion()}
 * succeeds once every consumer is registered across the cluster.
 */
public final class CommandBinder {

  private static final Logger log = LoggerFactory.getLogger(CommandBinder.class);
  static final String GENERIC_MESSAGE = "Something went wrong";
  static final String UNAVAILABLE_MESSAGE = "The service is temporarily unavailable, try again shortly";

  private final Vertx vertx;
  private final List<Subscription> consumers = new ArrayList<>();

  public CommandBinder(Vertx vertx) {
    this.vertx = vertx;
  }

  public CommandBinder bind(Command command, CommandHandler handler) {
    consumers.add(Subscriptions.of(vertx).consumer(command.address(), message -> dispatch(command, handler, message)));
    return this;
  }

  public Future<Void> completion() {
    return Future.all(consumers.stream().map(Subscription::completion).toList()).mapEmpty();
  }

  private void dispatch(Command command, CommandHandler handler, Message<Object> message) {
    CommandRequest request = CommandRequest.from(message.body(), message.headers());
    RequestIds.bind(message.headers().get(CommandHeaders.REQUEST_ID));
    Future<?> outcome;
    try {
      outcome = handler.handle(request);
    } catch (RuntimeException thrown) {
      outcome = Future.failedFuture(thrown);
    }
    outcome.onComplete(result -> {
      if (result.succeeded()) {
        Object body = result.result();
        if (body instanceof EncodedReply encoded) {
          message.reply(encoded.json(), encoded.options());
        } else {
          message.reply(body instanceof JsonObject || body instanceof JsonArray ? body : new JsonObject());
        }
      } else {
        fail(command, request, message, result.cause());
      }
    });
  }

  private static void fail(Command command, CommandRequest request, Message<Object> message, Throwable cause) {
    if (cause instanceof ApiException api) {
      message.fail(api.status(), api.toJson().encode());
      return;
    }
    if (Unavailable.is(cause)) {
      log.warn("{} failed for request {}: a store is unavailable: {}", command.address(), request.requestId(), cause.toString());
      message.fail(503, new ApiException(503, List.of(ApiError.of(UNAVAILABLE_MESSAGE))).toJson().encode());
      return;
    }
    log.error("{} failed for request {}", command.address(), request.requestId(), cause);
    message.fail(500, new ApiException(500, List.of(ApiError.of(GENERIC_MESSAGE))).toJson().encode());
  }
}
