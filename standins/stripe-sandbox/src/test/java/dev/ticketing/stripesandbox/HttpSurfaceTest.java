package dev.ticketing.stripesandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** What every client sees regardless of endpoint: JSON, Request-Id, Stripe's error shape. */
class HttpSurfaceTest extends SandboxTestBase {

  @Test
  void healthIsUp() throws Exception {
    HttpResponse<String> response = http.send(http.request("/health").GET().build());

    assertEquals(200, response.statusCode());
    assertEquals(new JsonObject().put("status", "UP"), new JsonObject(response.body()));
    assertJsonWithRequestId(response);
  }

  @Test
  void unknownRoutesAnswerInStripesErrorShape() throws Exception {
    for (HttpRequest request : new HttpRequest[] {
        http.request("/nowhere").GET().build(),
        http.authorized("/v1/customers").GET().build(),
        http.authorized("/v1/payment_intents/pi_1").DELETE().build()}) {
      HttpResponse<String> response = http.send(request);

      assertEquals(404, response.statusCode(), request.uri().toString());
      assertEquals("invalid_request_error", error(response).getString("type"));
      assertTrue(error(response).getString("message").startsWith("Unrecognized request URL"));
      assertJsonWithRequestId(response);
    }
  }

  @Test
  void missingAndInvalidParametersNameTheParameter() throws Exception {
    assertInvalid(http.post("/v1/payment_intents", "currency=usd", null), "amount", "parameter_missing");
    assertInvalid(http.post("/v1/payment_intents", "amount=0&currency=usd", null), "amount",
        "parameter_invalid_integer");
    assertInvalid(http.post("/v1/payment_intents", "amount=ten&currency=usd", null), "amount",
        "parameter_invalid_integer");
    assertInvalid(http.post("/v1/payment_intents", "amount=100", null), "currency", "parameter_missing");
    assertInvalid(http.post("/v1/payment_intents", "amount=100&currency=dollars", null), "currency",
        "parameter_invalid_string");
    assertInvalid(http.post("/v1/payment_intents", "amount=100&currency=usd&confirm=yes", null), "confirm",
        "parameter_invalid_string");
    assertInvalid(http.post("/v1/payment_intents", "amount=100&currency=usd&confirm=true", null), "payment_method",
        "parameter_missing");
    assertInvalid(http.post("/v1/payment_intents", "amount=100&currency=usd&payment_method_data[type]=card", null),
        "payment_method_data[card]", "parameter_missing");
  }

  @Test
  void unknownParametersAreRefusedLikeStripeDoes() throws Exception {
    HttpResponse<String> response =
        http.send(http.post("/v1/payment_intents", "amount=100&currency=usd&amont=100", null));

    assertEquals(400, response.statusCode());
    assertEquals("parameter_unknown", error(response).getString("code"));
    assertEquals("amont", error(response).getString("param"));
    assertTrue(error(response).getString("message").startsWith("Received unknown parameter: amont"));
  }

  @Test
  void jsonBodiesAreRefused() throws Exception {
    HttpResponse<String> response = http.send(http.authorized("/v1/payment_intents")
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":100,\"currency\":\"usd\"}")).build());

    assertEquals(400, response.statusCode());
    assertEquals("invalid_request_error", error(response).getString("type"));
  }

  private void assertInvalid(HttpRequest request, String param, String code) throws Exception {
    HttpResponse<String> response = http.send(request);
    assertEquals(400, response.statusCode(), response.body());
    assertEquals("invalid_request_error", error(response).getString("type"), response.body());
    assertEquals(param, error(response).getString("param"), response.body());
    assertEquals(code, error(response).getString("code"), response.body());
    assertJsonWithRequestId(response);
  }

  private static JsonObject error(HttpResponse<String> response) {
    return new JsonObject(response.body()).getJsonObject("error");
  }

  private static void assertJsonWithRequestId(HttpResponse<String> response) {
    assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(null));
    assertTrue(response.headers().firstValue("Request-Id").orElse("").startsWith("req_"));
  }
}
