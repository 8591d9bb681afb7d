package dev.ticketing.gateway.input;

import dev.ticketing.contracts.errors.ApiException;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.json.schema.common.dsl.SchemaType;
import io.vertx.openapi.contract.Location;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.contract.RequestBody;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * An operation's input, read from the request and validated against the OpenAPI document; route
 * handlers find the result under {@link RouterBuilder#KEY_META_DATA_VALIDATED_REQUEST}. This
 * replaces the router builder's own validation step, for three reasons:
 * <ul>
 *   <li>it is a route handler like the session check, so it runs after it: an operation that needs
 *       a session answers 401 whatever its body (the builder validates before any route handler);
 *   <li>query values are decoded once: the library decoded them a second time, so {@code C%2B%2B}
 *       arrived as "C  " and {@code 100%25} failed;
 *   <li>a body must be {@link JsonMediaType application/json} (the library took any type starting
 *       with it) and {@link StrictJson strict JSON} (Vert.x's codec allows comments);
 *   <li>each operation's schemas are compiled once ({@link OperationInput}), not for every request.
 * </ul>
 * Path values come decoded from the router, query values from Vert.x's decoder; the request's
 * target was already checked to decode ({@code http.RequestTarget}).
 */
public final class RequestInput {

  private final SchemaRepository schemas;

  public RequestInput(OpenAPIContract contract) {
    this.schemas = contract.getSchemaRepository();
  }

  /** The handler that validates {@code operation}'s input; fails at start-up for a kind of input it does not read. */
  public Handler<RoutingContext> validation(Operation operation) {
    requireSupported(operation);
    OperationInput input = new OperationInput(operation, schemas);
    return ctx -> {
      ValidatedInput valid;
      try {
        valid = read(ctx, operation, input);
      } catch (RuntimeException refused) { // ApiException, ValidatorException: both answered as 4xx by the failure mapper
        ctx.fail(refused);
        return;
      }
      ctx.put(RouterBuilder.KEY_META_DATA_VALIDATED_REQUEST, valid);
      ctx.next();
    };
  }

  private static ValidatedInput read(RoutingContext ctx, Operation operation, OperationInput input) {
    Map<String, String> path = new HashMap<>();
    Map<String, String> query = new HashMap<>();
    for (Parameter parameter : operation.getParameters()) {
      String name = parameter.getName();
      String value = parameter.getIn() == Location.PATH ? ctx.pathParam(name) : ctx.queryParams().get(name);
      if (value != null) {
        (parameter.getIn() == Location.PATH ? path : query).put(name, value);
      }
    }
    if (operation.getRequestBody() == null) {
      return input.validate(path, query, null);
    }
    Buffer body = ctx.body().buffer();
    if (body == null || body.length() == 0) {
      return input.validate(path, query, null); // the check answers "a body is required"
    }
    if (!JsonMediaType.accepts(ctx.request().getHeader("Content-Type"))) {
      throw new ApiException(415, "Content-Type must be application/json");
    }
    StrictJson.check(body);
    return input.validate(path, query, body);
  }
  /** What this class reads: scalar path and query parameters, and JSON bodies. */
  private static void requireSupported(Operation operation) {
    for (Parameter parameter : operation.getParameters()) {
      boolean scalar = parameter.getSchemaType() != SchemaType.OBJECT && parameter.getSchemaType() != SchemaType.ARRAY;
      if (!scalar || (parameter.getIn() != Location.PATH && parameter.getIn() != Location.QUERY)) {
        throw new IllegalStateException(operation.getOperationId() + ": parameter " + parameter.getName()
            + " is not a scalar path or query parameter, which the gateway does not read");
      }
    }
    RequestBody body = operation.getRequestBody();
    if (body != null && !body.getContent().keySet().equals(Set.of(JsonMediaType.APPLICATION_JSON))) {
      throw new IllegalStateException(operation.getOperationId() + ": request bodies must be application/json only");
    }
  }
}
