package dev.ticketing.contracts.errors;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A failure that a client may see: an HTTP status and the errors to show. Services fail their
 * futures with one of the subclasses; the command binder sends it over the bus as
 * {@code fail(status, toJson().encode())} and the gateway turns it back into the same response.
 * Anything that is not an ApiException is an unknown failure and never reaches a client as text.
 */
public class ApiException extends RuntimeException {

  private final int status;
  private final List<ApiError> errors;

  public ApiException(int status, List<ApiError> errors) {
    super(errors.isEmpty() ? "HTTP " + status : errors.get(0).message(), null, false, false);
    this.status = status;
    this.errors = List.copyOf(errors);
  }

  public ApiException(int status, String message) {
    this(status, List.of(ApiError.of(message)));
  }

  public int status() {
    return status;
  }

  public List<ApiError> errors() {
    return errors;
  }

  public JsonObject toJson() {
    JsonArray list = new JsonArray();
    errors.forEach(error -> list.add(error.toJson()));
    return new JsonObject().put("errors", list);
  }

  /**
   * Reads a failure sent by {@link #toJson()}; null when the text is not that shape. Client
   * errors (4xx) and "temporarily unavailable" (503) pass through; other 5xx stay generic.
   */
  public static ApiException fromWire(int status, String body) {
    boolean passesThrough = (status >= 400 && status <= 499) || status == 503;
    if (!passesThrough || body == null) {
      return null;
    }
    try {
      JsonArray list = new JsonObject(body).getJsonArray("errors");
      if (list == null || list.isEmpty()) {
        return null;
      }
      List<ApiError> errors = list.stream()
          .filter(JsonObject.class::isInstance)
          .map(entry -> ApiError.fromJson((JsonObject) entry))
          .toList();
      return new ApiException(status, errors);
    } catch (DecodeException | ClassCastException notTheShape) {
      return null;
    }
  }
}
