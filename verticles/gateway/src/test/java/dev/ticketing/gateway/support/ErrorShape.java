package dev.ticketing.gateway.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;

/**
 * The rule every error follows: the status, {@code Content-Type: application/json}, {@code nosniff},
 * and a body {@code {"errors":[{"message", "field"?}]}} with nothing else in it.
 */
public final class ErrorShape {

  private ErrorShape() {
  }

  /** Checks the shape and returns the first error. */
  public static JsonObject assertError(int status, HttpResponse<Buffer> response) {
    return assertError(status, response.statusCode(), response.getHeader("Content-Type"),
        response.getHeader("X-Content-Type-Options"), response.bodyAsString());
  }

  public static JsonObject assertError(int status, RawHttp.Response response) {
    return assertError(status, response.status(), response.header("Content-Type"),
        response.header("X-Content-Type-Options"), response.body());
  }

  private static JsonObject assertError(int status, int actual, String contentType, String nosniff, String body) {
    assertEquals(status, actual, body);
    assertEquals("application/json", contentType, body);
    assertEquals("nosniff", nosniff, body);
    JsonObject json = new JsonObject(body);
    assertEquals(1, json.size(), body);
    JsonArray errors = json.getJsonArray("errors");
    assertNotNull(errors, body);
    assertTrue(!errors.isEmpty(), body);
    for (Object entry : errors) {
      JsonObject error = (JsonObject) entry;
      assertNotNull(error.getString("message"), body);
      assertTrue(error.fieldNames().stream().allMatch(name -> name.equals("message") || name.equals("field")), body);
    }
    return errors.getJsonObject(0);
  }

  /** The error {@code {"message": message}}, or with {@code field} when it is not null. */
  public static JsonObject error(String message, String field) {
    JsonObject error = new JsonObject().put("message", message);
    return field == null ? error : error.put("field", field);
  }
}
