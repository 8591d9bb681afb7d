package dev.ticketing.gateway;

import static dev.ticketing.gateway.support.ErrorShape.assertError;
import static dev.ticketing.gateway.support.ErrorShape.error;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ticketing.contracts.commands.Command;
import dev.ticketing.gateway.support.Cookies;
import dev.ticketing.gateway.support.FakeServices;
import dev.ticketing.gateway.support.GatewayFixture;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Where the gateway's answers must follow the OpenAPI document and the error rules, not the library's order of checks. */
@ExtendWith(VertxExtension.class)
class ContractConformanceTest {

  private WebClient http;
  private FakeServices services;
  private String session;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext test) {
    services = new FakeServices(vertx);
    session = Cookies.sessionFor(vertx, "u1", "ann@example.com");
    services.onListing(new JsonArray(), null)
        .compose(ready -> GatewayFixture.start(vertx, GatewayFixture.config(2000, false)))
        .onComplete(test.succeeding(client -> {
          http = client;
          test.completeNow();
        }));
  }

  @Test
  void anOperationThatNeedsASessionAnswers401BeforeLookingAtTheBody(VertxTestContext test) {
    http.post("/api/tickets").send()
        .compose(noBody -> {
          test.verify(() -> assertEquals(error("Not authorized", null), assertError(401, noBody)));
          return http.post("/api/tickets").putHeader("Content-Type", "text/plain").sendBuffer(Buffer.buffer("{oops"));
        })
        .compose(garbage -> {
          test.verify(() -> assertError(401, garbage));
          return http.put("/api/tickets/t1").sendJsonObject(new JsonObject().put("admin", true));
        })
        .compose(unknownField -> {
          test.verify(() -> assertError(401, unknownField));
          return http.post("/api/tickets").putHeader("Cookie", session).send();
        })
        .onComplete(test.succeeding(signedIn -> test.verify(() -> {
          assertEquals(error("A JSON request body is required", null), assertError(400, signedIn));
          assertEquals(0, services.received.size());
          test.completeNow();
        })));
  }

  @Test
  void emptyIdsAndTokensAre400NamingTheField(VertxTestContext test) {
    http.post("/api/orders").putHeader("Cookie", session).sendJsonObject(new JsonObject().put("ticketId", ""))
        .compose(order -> {
          test.verify(() -> assertEquals(error("ticketId is too short", "ticketId"), assertError(400, order)));
          return http.post("/api/payments").putHeader("Cookie", session)
              .sendJsonObject(new JsonObject().put("orderId", "").put("token", "tok_visa"));
        })
        .compose(orderId -> {
          test.verify(() -> assertEquals(error("orderId is too short", "orderId"), assertError(400, orderId)));
          return http.post("/api/payments").putHeader("Cookie", session)
              .sendJsonObject(new JsonObject().put("orderId", "o1").put("token", ""));
        })
        .onComplete(test.succeeding(token -> test.verify(() -> {
          assertEquals(error("token is too short", "token"), assertError(400, token));
          assertEquals(0, services.received.size());
          test.completeNow();
        })));
  }

  @Test
  void a405OnlyWhereThePathExistsWithAnotherMethod(VertxTestContext test) {
    http.delete("/api/tickets").send()
        .compose(delete -> {
          test.verify(() -> assertEquals(error("Method not allowed", null), assertError(405, delete)));
          return http.get("/api/users/signup").send();
        })
        .compose(getSignup -> {
          test.verify(() -> assertError(405, getSignup));
          return http.post("/api/users/nope").sendJsonObject(new JsonObject());
        })
        .compose(unknownUsersPath -> {
          test.verify(() -> assertEquals(error("Not found", null), assertError(404, unknownUsersPath)));
          return http.post("/api/nothing-here").send();
        })
        .onComplete(test.succeeding(unknownPath -> test.verify(() -> {
          assertError(404, unknownPath);
          test.completeNow();
        })));
  }

  @Test
  void queryValuesAreDecodedOnce(VertxTestContext test) {
    http.get("/api/tickets?q=C%2B%2B").send()
        .compose(plus -> http.get("/api/tickets?q=100%25").send())
        .compose(percent -> http.get("/api/tickets?q=a+b&limit=2").send())
        .onComplete(test.succeeding(space -> test.verify(() -> {
          assertEquals(200, space.statusCode());
          assertEquals("C++", ((JsonObject) services.received.get(0).body()).getString("q"));
          assertEquals("100%", ((JsonObject) services.received.get(1).body()).getString("q"));
          assertEquals(new JsonObject().put("q", "a b").put("limit", 2), services.received.get(2).body());
          test.completeNow();
        })));
  }
}
