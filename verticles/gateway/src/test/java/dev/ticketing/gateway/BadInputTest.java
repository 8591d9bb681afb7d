package dev.ticketing.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.gateway.support.GatewayFixture;
import dev.ticketing.gateway.support.GatewayFixture.Running;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
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
  void aBodyOverTheLimitIs413(VertxTestContext test) {
    Buffer twoMegabytes = Buffer.buffer("{\"email\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}");
    gateway.signUp("application/json", twoMegabytes).onComplete(test.succeeding(response -> test.verify(() -> {
      assertEquals(413, response.statusCode());
      assertTrue(firstError(response).getString("message").contains("65536"));
      assertEquals(0, gateway.services().received.size());
      test.completeNow();
    })));
  }

  @Test
  void anotherContentTypeIs415(VertxTestContext test) {
    gateway.signUp("text/plain", Buffer.buffer("email=a@b.c")).onComplete(test.succeeding(response -> test.verify(() -> {
      assertEquals(415, response.statusCode());
      assertEquals(0, gateway.services().received.size());
      test.completeNow();
    })));
  }

  @Test
  void malformedJsonIs400(VertxTestContext test) {
    gateway.signUp("application/json", Buffer.buffer("{\"email\": ")).onComplete(test.succeeding(response -> test.verify(() -> {
      assertEquals(400, response.statusCode());
      assertEquals("The request body is not valid JSON", firstError(response).getString("message"));
      test.completeNow();
    })));
  }

  @Test
  void anUnknownFieldIsRefusedAndNamed(VertxTestContext test) {
    JsonObject body = new JsonObject().put("email", "a@b.co").put("password", "password1").put("admin", true);
    gateway.signUp("application/json", body.toBuffer()).onComplete(test.succeeding(response -> test.verify(() -> {
      assertEquals(400, response.statusCode());
      assertEquals(new JsonObject().put("message", "Unknown field admin").put("field", "admin"), firstError(response));
      assertEquals(0, gateway.services().received.size());
      test.completeNow();
    })));
  }

  @Test
  void anOperatorObjectWhereAStringBelongsIsRefused(VertxTestContext test) {
    JsonObject body = new JsonObject().put("email", new JsonObject().put("$gt", "")).put("password", "password1");
    gateway.signUp("application/json", body.toBuffer()).onComplete(test.succeeding(response -> test.verify(() -> {
      assertEquals(400, response.statusCode());
      assertEquals(1, response.bodyAsJsonObject().getJsonArray("errors").size());
      assertEquals(new JsonObject().put("message", "email has the wrong type").put("field", "email"), firstError(response));
      test.completeNow();
    })));
  }

  @Test
  void aMissingFieldAndANonObjectBodyAreRefused(VertxTestContext test) {
    gateway.signUp("application/json", new JsonObject().put("password", "password1").toBuffer())
        .compose(missing -> {
          test.verify(() -> assertEquals(new JsonObject().put("message", "email is required").put("field", "email"), firstError(missing)));
          return gateway.signUp("application/json", Buffer.buffer("[1,2]"));
        })
        .compose(array -> {
          test.verify(() -> assertEquals(400, array.statusCode()));
          return gateway.http().post("/api/users/signup").send();
        })
        .onComplete(test.succeeding(noBody -> test.verify(() -> {
          assertEquals(400, noBody.statusCode());
          assertEquals(0, gateway.services().received.size());
          test.completeNow();
        })));
  }

  @Test
  void badQueryParametersAre400(VertxTestContext test) {
    gateway.http().get("/api/tickets?limit=abc").send()
        .compose(notANumber -> {
          test.verify(() -> assertEquals(400, notANumber.statusCode()));
          return gateway.http().get("/api/tickets?limit=1000").send();
        })
        .onComplete(test.succeeding(tooLarge -> test.verify(() -> {
          assertEquals(400, tooLarge.statusCode());
          assertEquals(new JsonObject().put("message", "Invalid parameter limit").put("field", "limit"), firstError(tooLarge));
          test.completeNow();
        })));
  }

  @Test
  void theGatewayKeepsAnsweringAfterBadInput(VertxTestContext test) {
    gateway.signUp("application/json", Buffer.buffer("{{{"))
        .compose(bad -> gateway.signUp("application/json", Buffer.buffer("x".repeat(100_000))))
        .compose(bad -> gateway.signUp("application/json",
            new JsonObject().put("email", "ann@example.com").put("password", "password1").toBuffer()))
        .onComplete(test.succeeding(good -> test.verify(() -> {
          assertEquals(201, good.statusCode());
          assertEquals(1, gateway.services().received.size());
          test.completeNow();
        })));
  }
}
