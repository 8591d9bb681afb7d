package dev.ticketing.stripesandbox.http;

import dev.ticketing.stripesandbox.errors.ApiError;
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

  public static Router create(Vertx vertx, PaymentIntentService intents, RefundService refunds,
      IdempotencyStore idempotency, Responder responder) {
    Router router = Router.router(vertx);
    router.route().handler(RequestIds::stamp);
    router.get("/health").handler(ctx -> Responder.write(ctx, ApiResponse.ok(new JsonObject().put("status", "UP"))));

    router.route("/v1/*").handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT_BYTES));
    router.route("/v1/*").handler(new ApiKeyCheck(responder));
    router.post("/v1/payment_intents")
        .handler(new EndpointHandler((id, params) -> intents.create(params), idempotency, responder));
    router.get("/v1/payment_intents").handler(new EndpointHandler((id, params) -> intents.list(params), idempotency,
        responder));
    router.get("/v1/payment_intents/:id").handler(new EndpointHandler(intents::retrieve, idempotency, responder));
    router.post("/v1/payment_intents/:id/confirm")
        .handler(new EndpointHandler(intents::confirm, idempotency, responder));
    router.post("/v1/payment_intents/:id/cancel")
        .handler(new EndpointHandler(intents::cancel, idempotency, responder));
    router.post("/v1/refunds").handler(new EndpointHandler((id, params) -> refunds.create(params), idempotency,
        responder));
    router.get("/v1/refunds").handler(new EndpointHandler((id, params) -> refunds.list(params), idempotency,
        responder));
    router.get("/v1/refunds/:id").handler(new EndpointHandler(refunds::retrieve, idempotency, responder));

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

  private static ApiResponse unrecognized(RoutingContext ctx) {
    return ApiResponse.of(ApiError.unrecognizedUrl(ctx.request().method().name(), ctx.request().path()));
  }
}
