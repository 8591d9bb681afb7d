package dev.ticketing.stripesandbox.http;

import dev.ticketing.stripesandbox.errors.ApiError;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A finished answer: status, the exact body text (an idempotent replay must repeat it byte for
 * byte) and any headers beyond the ones every response carries.
 */
public record ApiResponse(int status, String body, Map<String, String> headers) {

  public ApiResponse {
    headers = Map.copyOf(headers);
  }

  public static ApiResponse ok(JsonObject body) {
    return new ApiResponse(200, body.encode(), Map.of());
  }

  public static ApiResponse of(ApiError error) {
    return new ApiResponse(error.status(), error.body().encode(), Map.of());
  }

  public ApiResponse withStatus(int newStatus) {
    return new ApiResponse(newStatus, body, headers);
  }

  public ApiResponse withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new ApiResponse(status, body, more);
  }
}
