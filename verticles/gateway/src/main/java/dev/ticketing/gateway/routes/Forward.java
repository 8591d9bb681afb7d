package dev.ticketing.gateway.routes;

import dev.ticketing.contracts.commands.Command;
import dev.ticketing.contracts.commands.CommandBody;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.ValidatedRequest;
import java.util.Map;

/** The common shape of a route: validated input in, one command out, the reply as JSON. */
final class Forward {

  private Forward() {
  }

  /** A handler that sends the request's input as {@code command} and answers {@code status} with the reply. */
  static Handler<RoutingContext> json(ServiceClient services, Command command, int status) {
    return ctx -> services.send(command, body(ctx, command), ctx)
        .onSuccess(reply -> respond(ctx, status, reply))
        .onFailure(ctx::fail);
  }

  /** The request's validated input as {@code command}'s body record. */
  static CommandBody body(RoutingContext ctx, Command command) {
    return command.decode(input(ctx));
  }

  /**
   * The validated JSON body, then path and query parameters (already typed by the OpenAPI
   * validation), as one object. Only what the contract declares gets here; unknown body fields
   * were refused by validation.
   */
  private static JsonObject input(RoutingContext ctx) {
    ValidatedRequest request = ctx.get(RouterBuilder.KEY_META_DATA_VALIDATED_REQUEST);
    JsonObject input = new JsonObject();
    if (request == null) {
      return input;
    }
    RequestParameter body = request.getBody();
    if (body != null && body.isJsonObject()) {
      input.mergeIn(body.getJsonObject());
    }
    copy(request.getPathParameters(), input);
    copy(request.getQuery(), input);
    return input;
  }

  /** Answers with the reply as JSON: an object or array encoded here, bytes (a service's {@code EncodedReply}) as they came. */
  static void respond(RoutingContext ctx, int status, Object body) {
    Buffer json = body instanceof Buffer encoded ? encoded
        : body instanceof JsonObject object ? object.toBuffer()
        : body instanceof JsonArray array ? array.toBuffer() : Buffer.buffer("{}");
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(json);
  }

  private static void copy(Map<String, RequestParameter> parameters, JsonObject into) {
    if (parameters == null) {
      return;
    }
    parameters.forEach((name, parameter) -> {
      if (parameter != null && !parameter.isNull() && parameter.get() != null) {
        into.put(name, parameter.get());
      }
    });
  }
}
