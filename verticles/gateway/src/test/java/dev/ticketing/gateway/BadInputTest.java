package dev.ticketing.gateway;

import static dev.ticketing.platform.testing.Blocking.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.gateway.support.GatewayFixture;
import dev.ticketing.gateway.support.GatewayFixture.Running;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bad input gets a clear 4xx in the error shape, reaches no service, and the gateway keeps
 * answering afterwards.
 */
@ExtendWith(VertxExtension.class)
class BadInputTest {

  private Running gateway;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    gateway = GatewayFixture.running(vertx, services -> services.authAnswering("u1", "ann@example.com"));
  }

  private static JsonObject firstError(HttpResponse<Buffer> response) {
    return response.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0);
  }

  @Test
  void aBodyOverTheLimitIs413() throws Exception {
    Buffer twoMegabytes = Buffer.buffer("{\"email\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}");

    HttpResponse<Buffer> response = gateway.signUp("application/json", twoMegabytes);

    assertEquals(413, response.statusCode());
    assertTrue(firstError(response).getString("message").contains("65536"));
    assertEquals(0, gateway.services().received.size());
  }

  @Test
  void anotherContentTypeIs415() throws Exception {
    HttpResponse<Buffer> response = gateway.signUp("text/plain", Buffer.buffer("email=a@b.c"));

    assertEquals(415, response.statusCode());
    assertEquals(0, gateway.services().received.size());
  }

  @Test
  void malformedJsonIs400() throws Exception {
    HttpResponse<Buffer> response = gateway.signUp("application/json", Buffer.buffer("{\"email\": "));

    assertEquals(400, response.statusCode());
    assertEquals("The request body is not valid JSON", firstError(response).getString("message"));
  }

  @Test
  void anUnknownFieldIsRefusedAndNamed() throws Exception {
    JsonObject body = new JsonObject().put("email", "a@b.co").put("password", "password1").put("admin", true);

    HttpResponse<Buffer> response = gateway.signUp("application/json", body.toBuffer());

    assertEquals(400, response.statusCode());
    assertEquals(new JsonObject().put("message", "Unknown field admin").put("field", "admin"), firstError(response));
    assertEquals(0, gateway.services().received.size());
  }

  @Test
  void anOperatorObjectWhereAStringBelongsIsRefused() throws Exception {
    JsonObject body = new JsonObject().put("email", new JsonObject().put("$gt", "")).put("password", "password1");

    HttpResponse<Buffer> response = gateway.signUp("application/json", body.toBuffer());

    assertEquals(400, response.statusCode());
    assertEquals(1, response.bodyAsJsonObject().getJsonArray("errors").size());
    assertEquals(new JsonObject().put("message", "email has the wrong type").put("field", "email"), firstError(response));
  }

  @Test
  void aMissingFieldAndANonObjectBodyAreRefused() throws Exception {
    HttpResponse<Buffer> missing = gateway.signUp("application/json", new JsonObject().put("password", "password1").toBuffer());
    assertEquals(new JsonObject().put("message", "email is required").put("field", "email"), firstError(missing));

    HttpResponse<Buffer> array = gateway.signUp("application/json", Buffer.buffer("[1,2]"));
    assertEquals(400, array.statusCode());

    HttpResponse<Buffer> noBody = await(gateway.http().post("/api/users/signup").send());
    assertEquals(400, noBody.statusCode());
    assertEquals(0, gateway.services().received.size());
  }

  @Test
  void badQueryParametersAre400() throws Exception {
    HttpResponse<Buffer> notANumber = gateway.get("/api/tickets?limit=abc");
    assertEquals(400, notANumber.statusCode());

    HttpResponse<Buffer> tooLarge = gateway.get("/api/tickets?limit=1000");
    assertEquals(400, tooLarge.statusCode());
    assertEquals(new JsonObject().put("message", "Invalid parameter limit").put("field", "limit"), firstError(tooLarge));
  }

  @Test
  void theGatewayKeepsAnsweringAfterBadInput() throws Exception {
    gateway.signUp("application/json", Buffer.buffer("{{{"));
    gateway.signUp("application/json", Buffer.buffer("x".repeat(100_000)));

    HttpResponse<Buffer> good = gateway.signUp("application/json",
        new JsonObject().put("email", "ann@example.com").put("password", "password1").toBuffer());

    assertEquals(201, good.statusCode());
    assertEquals(1, gateway.services().received.size());
  }
}
