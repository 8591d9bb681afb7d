package dev.ticketing.contracts.errors;

import io.vertx.core.json.JsonObject;

/** One entry of the error shape {@code {"errors":[{"message","field"}]}}; {@code field} names a body field or is null. */
public record ApiError(String message, String field) {

  public static ApiError of(String message) {
    return new ApiError(message, null);
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("message", message);
    if (field != null) {
      json.put("field", field);
    }
    return json;
  }

  public static ApiError fromJson(JsonObject json) {
    return new ApiError(json.getString("message", "Something went wrong"), json.getString("field"));
  }
}
