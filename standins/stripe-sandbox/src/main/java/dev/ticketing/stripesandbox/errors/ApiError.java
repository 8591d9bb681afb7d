package dev.ticketing.stripesandbox.errors;

import io.vertx.core.json.JsonObject;

/**
 * A failure answered in Stripe's error shape {@code {"error":{"type":…,"code":…,"message":…}}}.
 * stripe-java picks its exception class from the HTTP status and {@code type}: 400/404 give
 * InvalidRequestException (IdempotencyException when type is idempotency_error), 401
 * AuthenticationException, 402 CardException, anything else ApiException. The factories here keep
 * each status paired with the type Stripe uses for it.
 */
public final class ApiError extends RuntimeException {

  public static final String INVALID_REQUEST = "invalid_request_error";
  public static final String CARD_ERROR = "card_error";
  public static final String IDEMPOTENCY_ERROR = "idempotency_error";
  public static final String API_ERROR = "api_error";

  private final int status;
  private final JsonObject error;

  private ApiError(int status, JsonObject error) {
    super(error.getString("message"), null, false, false); // an answer to a client, not a bug: no stack trace
    this.status = status;
    this.error = error;
  }

  public int status() {
    return status;
  }

  /** The whole response body, {@code {"error":{…}}}. */
  public JsonObject body() {
    return new JsonObject().put("error", error.copy());
  }

  /** A 400 about one request parameter; {@code code} is one of Stripe's error codes. */
  public static ApiError invalidParameter(String param, String code, String message) {
    return of(400, INVALID_REQUEST, code, param, message);
  }

  public static ApiError missingParameter(String param) {
    return invalidParameter(param, "parameter_missing", "Missing required param: " + param + ".");
  }

  /** {@code hint} follows Stripe's message, e.g. the parameters that would have been accepted. */
  public static ApiError unknownParameter(String param, String hint) {
    return invalidParameter(param, "parameter_unknown", "Received unknown parameter: " + param + hint);
  }

  /** An id given as a parameter that names nothing: Stripe answers 400 for these. */
  public static ApiError noSuchReference(String param, String noun, String id) {
    return of(400, INVALID_REQUEST, "resource_missing", param, "No such " + noun + ": '" + id + "'");
  }

  /** An id in the URL path that names nothing. */
  public static ApiError notFound(String param, String noun, String id) {
    return of(404, INVALID_REQUEST, "resource_missing", param, "No such " + noun + ": '" + id + "'");
  }

  /** The object exists but is in a state that does not allow the request. */
  public static ApiError unexpectedState(String code, String param, String message, JsonObject paymentIntent) {
    ApiError error = of(400, INVALID_REQUEST, code, param, message);
    if (paymentIntent != null) {
      error.error.put("payment_intent", paymentIntent);
    }
    return error;
  }

  /** A 402 card decline; {@code details} carries decline_code, charge, payment_intent, payment_method. */
  public static ApiError cardDeclined(JsonObject details) {
    return new ApiError(402, details.copy().put("type", CARD_ERROR));
  }

  public static ApiError authentication(String message) {
    return of(401, INVALID_REQUEST, null, null, message);
  }

  public static ApiError idempotencyMismatch(String key) {
    return of(400, IDEMPOTENCY_ERROR, null, null,
        "Keys for idempotent requests can only be used with the same parameters they were first used with. "
            + "Try using a key other than '" + key + "' if you meant to execute a different request.");
  }

  public static ApiError idempotencyInProgress() {
    return of(409, IDEMPOTENCY_ERROR, "idempotency_key_in_use",
        null, "There is currently another in-progress request using this Stripe API key and idempotency key "
            + "(or one of them). Please try again later.");
  }

  public static ApiError unrecognizedUrl(String method, String path) {
    return of(404, INVALID_REQUEST, null, null, "Unrecognized request URL (" + method + ": " + path
        + "). This is the Stripe sandbox: it serves /v1/payment_intents, /v1/refunds and /v1/events only.");
  }

  public static ApiError internal() {
    return of(500, API_ERROR, null, null, "An unknown error occurred in the Stripe sandbox.");
  }

  private static ApiError of(int status, String type, String code, String param, String message) {
    JsonObject error = new JsonObject().put("type", type).put("message", message);
    if (code != null) {
      error.put("code", code).put("doc_url", docUrl(code));
    }
    if (param != null) {
      error.put("param", param);
    }
    return new ApiError(status, error);
  }

  /** Stripe links every error code to its page; clients show it, so keep the same form. */
  public static String docUrl(String code) {
    return "https://stripe.com/docs/error-codes/" + code.replace('_', '-');
  }
}
