package dev.ticketing.stripesandbox.http;

import dev.ticketing.stripesandbox.errors.ApiError;
import dev.ticketing.stripesandbox.events.RequestOrigin;
import dev.ticketing.stripesandbox.form.FormDecoder;
import dev.ticketing.stripesandbox.form.FormField;
import dev.ticketing.stripesandbox.form.Params;
import dev.ticketing.stripesandbox.idempotency.IdempotencyStore;
import dev.ticketing.stripesandbox.idempotency.IdempotencyStore.Claim;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one API operation for a request: decodes its form parameters, applies Stripe's idempotency
 * rules to POSTs that carry an {@code Idempotency-Key}, and turns the outcome (an object or an
 * {@link ApiError}) into the answer.
 */
final class EndpointHandler implements Handler<RoutingContext> {

  /**
   * One API operation; {@code pathId} is the {@code :id} of the URL, or null; {@code origin} names
   * the request for the events the operation records.
   */
  @FunctionalInterface
  interface Operation {
    JsonObject perform(String pathId, Params params, RequestOrigin origin);
  }

  private static final Logger log = LoggerFactory.getLogger(EndpointHandler.class);
  private static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  private static final int IDEMPOTENCY_KEY_MAX = 255;
  private static final String FORM = "application/x-www-form-urlencoded";

  private final Operation operation;
  private final IdempotencyStore idempotency;
  private final Responder responder;

  EndpointHandler(Operation operation, IdempotencyStore idempotency, Responder responder) {
    this.operation = operation;
    this.idempotency = idempotency;
    this.responder = responder;
  }

  @Override
  public void handle(RoutingContext ctx) {
    List<FormField> fields;
    try {
      fields = fields(ctx);
    } catch (ApiError e) {
      responder.respond(ctx, ApiResponse.of(e));
      return;
    }
    String key = ctx.request().getHeader(IDEMPOTENCY_KEY);
    if (ctx.request().method() != HttpMethod.POST || key == null) {
      responder.respond(ctx, perform(ctx, fields, null));
      return;
    }
    if (key.isBlank() || key.length() > IDEMPOTENCY_KEY_MAX) {
      responder.respond(ctx, ApiResponse.of(ApiError.invalidParameter(null, "idempotency_key_invalid",
          "Invalid Idempotency-Key: it must be 1 to " + IDEMPOTENCY_KEY_MAX + " characters.")));
      return;
    }
    performOnce(ctx, fields, key);
  }

  private void performOnce(RoutingContext ctx, List<FormField> fields, String key) {
    IdempotencyStore.Scope scope = new IdempotencyStore.Scope(ApiKeyCheck.apiKey(ctx), key);
    Claim claim = idempotency.claim(scope, fingerprint(ctx, fields), RequestIds.of(ctx));
    switch (claim) {
      case Claim.Fresh fresh -> {
        ApiResponse response = perform(ctx, fields, key).withHeader(IDEMPOTENCY_KEY, key);
        // Settled just before writing, so the key reads "in progress" for exactly as long as the request runs.
        responder.respond(ctx, response, () -> idempotency.settle(scope, response));
      }
      case Claim.Replay replay -> {
        log.info("Replaying {} for idempotency key {} (first answered as {})", replay.response().status(), key,
            replay.originalRequestId());
        responder.respond(ctx, replay.response()
            .withHeader("Idempotent-Replayed", "true")
            .withHeader("Original-Request", replay.originalRequestId()));
      }
      case Claim.Mismatch mismatch -> responder.respond(ctx, ApiResponse.of(ApiError.idempotencyMismatch(key)));
      case Claim.InProgress inProgress -> responder.respond(ctx,
          ApiResponse.of(ApiError.idempotencyInProgress()).withHeader("Stripe-Should-Retry", "true"));
    }
  }

  private ApiResponse perform(RoutingContext ctx, List<FormField> fields, String idempotencyKey) {
    try {
      return ApiResponse.ok(operation.perform(ctx.pathParam("id"), new Params(FormDecoder.nest(fields)),
          new RequestOrigin(RequestIds.of(ctx), idempotencyKey)));
    } catch (ApiError e) {
      log.debug("{} {} answered {}: {}", ctx.request().method(), ctx.request().path(), e.status(), e.getMessage());
      return ApiResponse.of(e);
    } catch (RuntimeException e) {
      log.error("Sandbox failure answering {} {} ({})", ctx.request().method(), ctx.request().path(),
          RequestIds.of(ctx), e);
      return ApiResponse.of(ApiError.internal());
    }
  }

  /** Query string parameters, then (for a POST) the form body: Stripe reads both. */
  private static List<FormField> fields(RoutingContext ctx) {
    List<FormField> fields = new ArrayList<>(FormDecoder.fields(ctx.request().query()));
    String body = ctx.body().asString();
    if (body == null || body.isEmpty()) {
      return fields;
    }
    String contentType = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
    if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith(FORM)) {
      throw ApiError.invalidParameter(null, "parameter_invalid_string", "Stripe's API takes form-encoded bodies ("
          + FORM + "), not " + contentType + ".");
    }
    fields.addAll(FormDecoder.fields(body));
    return fields;
  }

  /** Same method, path and parameters, in any order: "the same request" for idempotency. */
  private static String fingerprint(RoutingContext ctx, List<FormField> fields) {
    return ctx.request().method() + " " + ctx.normalizedPath() + "\n" + fields.stream().sorted()
        .map(field -> field.name() + "=" + field.value()).collect(Collectors.joining("\n"));
  }
}
