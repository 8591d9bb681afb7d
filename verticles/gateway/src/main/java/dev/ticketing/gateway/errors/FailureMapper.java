package dev.ticketing.gateway.errors;

import dev.ticketing.contracts.errors.ApiException;
import dev.ticketing.gateway.http.ResponseHeaders;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.openapi.validation.ValidatorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become HTTP responses, always {@code {"errors":[...]}}. A typed
 * failure keeps its status (also when it crossed the event bus from a service); no service
 * listening is 503, no answer in time is 504, anything unknown is a generic 500 whose cause is
 * logged with the request id and never shown. It also answers requests the HTTP codec could not
 * read ({@link #invalidRequest}), which never reach the router.
 */
public final class FailureMapper implements Handler<RoutingContext> {

  private static final Logger log = LoggerFactory.getLogger(FailureMapper.class);

  private final int bodyLimitBytes;

  public FailureMapper(int bodyLimitBytes) {
    this.bodyLimitBytes = bodyLimitBytes;
  }

  @Override
  public void handle(RoutingContext ctx) {
    respond(ctx, ctx.statusCode());
  }

  /**
   * For {@code Router.errorHandler(status, ...)}: the router calls it without a status of its own
   * when it fails while matching (a path parameter it cannot decode, say), so {@code status} is
   * the one it would answer.
   */
  public Handler<RoutingContext> forStatus(int status) {
    return ctx -> respond(ctx, ctx.statusCode() > 0 ? ctx.statusCode() : status);
  }

  /**
   * For {@code HttpServer.invalidRequestHandler}: a request line or headers the codec refused.
   * The connection is closed afterwards, as the codec cannot tell where the next request starts.
   */
  public void invalidRequest(HttpServerRequest request) {
    Throwable cause = request.decoderResult().cause();
    ApiException error = cause instanceof TooLongHttpLineException ? new ApiException(414, "The request URI is too long")
        : cause instanceof TooLongHttpHeaderException ? new ApiException(431, "The request headers are too large")
        : new ApiException(400, "The request is not valid HTTP");
    log.debug("invalid request refused with {}", error.status(), cause);
    send(request.response(), error).onComplete(sent -> request.connection().close());
  }

  private void respond(RoutingContext ctx, int status) {
    if (ctx.response().ended() || ctx.response().closed()) {
      return;
    }
    send(ctx.response(), classify(ctx.failure(), status, ctx));
  }

  /** Every error response: status, JSON body, and the headers that must not depend on how far the request got. */
  private static Future<Void> send(HttpServerResponse response, ApiException error) {
    return response
        .setStatusCode(error.status())
        .putHeader("Content-Type", "application/json")
        .putHeader("X-Content-Type-Options", "nosniff")
        .end(error.toJson().encode());
  }

  private ApiException classify(Throwable failure, int status, RoutingContext ctx) {
    if (failure instanceof ApiException api) {
      return api;
    }
    if (failure instanceof ValidatorException invalid) {
      return ValidationErrors.from(invalid);
    }
    if (failure instanceof HttpException http && http.getCause() instanceof ValidatorException invalid) {
      return ValidationErrors.from(invalid); // how the OpenAPI router reports a request that fails validation
    }
    if (failure instanceof ReplyException reply) {
      return fromBus(reply, ctx);
    }
    if (failure instanceof HttpException http) {
      return byStatus(http.getStatusCode(), ctx, failure);
    }
    if (failure == null || (status >= 400 && status < 500)) {
      // Vert.x Web fails with a client-error status and its own exception for what it refuses itself.
      return byStatus(status, ctx, failure);
    }
    return unknown(ctx, failure);
  }

  private ApiException fromBus(ReplyException reply, RoutingContext ctx) {
    return switch (reply.failureType()) {
      case NO_HANDLERS -> new ApiException(503, "The service is not available, try again shortly");
      case TIMEOUT -> new ApiException(504, "The service did not answer in time");
      default -> {
        ApiException typed = ApiException.fromWire(reply.failureCode(), reply.getMessage());
        yield typed != null ? typed : unknown(ctx, reply);
      }
    };
  }

  private ApiException byStatus(int status, RoutingContext ctx, Throwable cause) {
    return switch (status) {
      case 400 -> lacksHost(ctx.request()) ? new ApiException(400, "The Host header is missing or invalid")
          : new ApiException(400, "Bad request");
      case 401 -> new ApiException(401, "Not authorized");
      case 403 -> new ApiException(403, "Forbidden");
      case 404 -> new ApiException(404, "Not found");
      case 405 -> new ApiException(405, "Method not allowed");
      case 413 -> new ApiException(413, "The request body is larger than " + bodyLimitBytes + " bytes");
      case 415 -> new ApiException(415, "Content-Type must be application/json");
      default -> status >= 400 && status < 500 ? new ApiException(status, "Bad request") : unknown(ctx, cause);
    };
  }

  /** HTTP/1.1 requires Host (HTTP/2 its :authority); the router refuses a request without a valid one. */
  private static boolean lacksHost(HttpServerRequest request) {
    return request.version() != HttpVersion.HTTP_1_0 && request.authority() == null;
  }

  private static ApiException unknown(RoutingContext ctx, Throwable cause) {
    log.error("request {} {} {} failed", ResponseHeaders.requestId(ctx), ctx.request().method(), ctx.request().path(), cause);
    return new ApiException(500, "Something went wrong");
  }
}
