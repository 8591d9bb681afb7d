package dev.ticketing.gateway;

import static dev.ticketing.gateway.support.ErrorShape.assertError;
import static dev.ticketing.gateway.support.ErrorShape.error;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ticketing.gateway.support.GatewayFixture;
import dev.ticketing.gateway.support.GatewayFixture.Running;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Where the gateway's answers must follow the OpenAPI document and the error rules, not the library's order of checks. */
@ExtendWith(VertxExtension.class)
class ContractConformanceTest {

  private Running gateway;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    gateway = GatewayFixture.running(vertx, services -> services.onListing(new JsonArray(), null));
  }

  @Test
  void anOperationThatNeedsASessionAnswers401BeforeLookingAtTheBody(VertxTestContext test) {
    gateway.http().post("/api/tickets").send()
        .compose(noBody -> {
          test.verify(() -> assertEquals(error("Not authorized", null), assertError(401, noBody)));
          return gateway.http().post("/api/tickets").putHeader("Content-Type", "text/plain").sendBuffer(Buffer.buffer("{oops"));
        })
        .compose(garbage -> {
          test.verify(() -> assertError(401, garbage));
          return gateway.http().put("/api/tickets/t1").sendJsonObject(new JsonObject().put("admin", true));
        })
        .compose(unknownField -> {
          test.verify(() -> assertError(401, unknownField));
          return gateway.http().post("/api/tickets").putHeader("Cookie", gateway.session()).send();
        })
        .onComplete(test.succeeding(signedIn -> test.verify(() -> {
          assertEquals(error("A JSON request body is required", null), assertError(400, signedIn));
          assertEquals(0, gateway.services().received.size());
          test.completeNow();
        })));
  }

  @Test
  void emptyIdsAndTokensAre400NamingTheField(VertxTestContext test) {
    gateway.http().post("/api/orders").putHeader("Cookie", gateway.session()).sendJsonObject(new JsonObject().put("ticketId", ""))
        .compose(order -> {
          test.verify(() -> assertEquals(error("ticketId is too short", "ticketId"), assertError(400, order)));
          return gateway.http().post("/api/payments").putHeader("Cookie", gateway.session())
              .sendJsonObject(new JsonObject().put("orderId", "").put("token", "tok_visa"));
        })
        .compose(orderId -> {
          test.verify(() -> assertEquals(error("orderId is too short", "orderId"), assertError(400, orderId)));
          return gateway.http().post("/api/payments").putHeader("Cookie", gateway.session())
              .sendJsonObject(new JsonObject().put("orderId", "o1").put("token", ""));
        })
        .onComplete(test.succeeding(token -> test.verify(() -> {
          assertEquals(error("token is too short", "token"), assertError(400, token));
          assertEquals(0, gateway.services().received.size());
          test.completeNow();
        })));
  }

  @Test
  void a405OnlyWhereThePathExistsWithAnotherMethod(VertxTestContext test) {
    gateway.http().delete("/api/tickets").send()
        .compose(delete -> {
          test.verify(() -> assertEquals(error("Method not allowed", null), assertError(405, delete)));
          return gateway.http().get("/api/users/signup").send();
        })
        .compose(getSignup -> {
          test.verify(() -> assertError(405, getSignup));
          return gateway.http().post("/api/users/nope").sendJsonObject(new JsonObject());
        })
        .compose(unknownUsersPath -> {
          test.verify(() -> assertEquals(error("Not found", null), assertError(404, unknownUsersPath)));
          return gateway.http().post("/api/nothing-here").send();
        })
        .onComplete(test.succeeding(unknownPath -> test.verify(() -> {
          assertError(404, unknownPath);
          test.completeNow();
        })));
  }

  @Test
  void queryValuesAreDecodedOnce(VertxTestContext test) {
    gateway.http().get("/api/tickets?q=C%2B%2B").send()
        .compose(plus -> gateway.http().get("/api/tickets?q=100%25").send())
        .compose(percent -> gateway.http().get("/api/tickets?q=a+b&limit=2").send())
        .onComplete(test.succeeding(space -> test.verify(() -> {
          assertEquals(200, space.statusCode());
          assertEquals("C++", ((JsonObject) gateway.services().received.get(0).body()).getString("q"));
          assertEquals("100%", ((JsonObject) gateway.services().received.get(1).body()).getString("q"));
          assertEquals(new JsonObject().put("q", "a b").put("limit", 2), gateway.services().received.get(2).body());
          test.completeNow();
        })));
  }
}
