package dev.ticketing.stripesandbox.http;

import dev.ticketing.stripesandbox.errors.ApiError;
import dev.ticketing.stripesandbox.events.EventService;
import dev.ticketing.stripesandbox.idempotency.IdempotencyStore;
import dev.ticketing.stripesandbox.intents.PaymentIntentService;
import dev.ticketing.stripesandbox.refunds.RefundService;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox's HTTP surface: the few Stripe endpoints the Ticketing services call, plus health.
 * Every answer, errors included, is JSON in Stripe's shape with a Request-Id header.
 */
public final class SandboxRoutes {

  private static final Logger log = LoggerFactory.getLogger(SandboxRoutes.class);
  private static final long BODY_LIMIT_BYTES = 256 * 1024;

  private SandboxRoutes() {
  }

  public static Router create(Vertx vertx, PaymentIntentService intents, RefundService refunds, EventService events,
      IdempotencyStore idempotency, Responder responder) {
    Router router = Router.router(vertx);
    router.route().handler(RequestIds::stamp);
    router.get("/health").handler(ctx -> Responder.write(ctx, ApiResponse.ok(new JsonObject().put("status", "UP"))));

    router.route("/v1/*").handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT_BYTES));
    router.route("/v1/*").handler(new ApiKeyCheck(responder));
    EndpointFactory endpoint = operation -> new EndpointHandler(operation, idempotency, responder);
    router.post("/v1/payment_intents").handler(endpoint.of((id, params, origin) -> intents.create(params, origin)));
    router.get("/v1/payment_intents").handler(endpoint.of((id, params, origin) -> intents.list(params)));
    router.get("/v1/payment_intents/:id").handler(endpoint.of((id, params, origin) -> intents.retrieve(id, params)));
    router.post("/v1/payment_intents/:id/confirm").handler(endpoint.of(intents::confirm));
    router.post("/v1/payment_intents/:id/cancel").handler(endpoint.of(intents::cancel));
    router.post("/v1/refunds").handler(endpoint.of((id, params, origin) -> refunds.create(params, origin)));
    router.get("/v1/refunds").handler(endpoint.of((id, params, origin) -> refunds.list(params)));
    router.get("/v1/refunds/:id").handler(endpoint.of((id, params, origin) -> refunds.retrieve(id, params)));
    router.get("/v1/events").handler(endpoint.of((id, params, origin) -> events.list(params)));
    router.get("/v1/events/:id").handler(endpoint.of((id, params, origin) -> events.retrieve(id, params)));

    // Stripe answers a wrong method like an unknown URL: 404 in its error shape.
    router.route().handler(ctx -> responder.respond(ctx, unrecognized(ctx)));
    router.errorHandler(400, ctx -> Responder.write(ctx, ApiResponse.of(ApiError.invalidParameter(null,
        "parameter_invalid_string", "The request body could not be decoded."))));
    router.errorHandler(413, ctx -> Responder.write(ctx, ApiResponse.of(ApiError.invalidParameter(null,
        "parameter_invalid_string", "The request body is larger than " + BODY_LIMIT_BYTES + " bytes."))
        .withStatus(413)));
    router.errorHandler(500, ctx -> {
      log.error("Unhandled failure on {} {} ({})", ctx.request().method(), ctx.request().path(),
          RequestIds.of(ctx), ctx.failure());
      Responder.write(ctx, ApiResponse.of(ApiError.internal()));
    });
    return router;
  }

  /** Every endpoint shares the idempotency store and the responder; only the operation differs. */
  @FunctionalInterface
  private interface EndpointFactory {
    EndpointHandler of(EndpointHandler.Operation operation);
  }

  private static ApiResponse unrecognized(RoutingContext ctx) {
    return ApiResponse.of(ApiError.unrecognizedUrl(ctx.request().method().name(), ctx.request().path()));
  }
}
