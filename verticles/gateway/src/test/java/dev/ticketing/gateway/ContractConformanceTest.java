package dev.ticketing.gateway;

import static dev.ticketing.gateway.support.ErrorShape.assertError;
import static dev.ticketing.gateway.support.ErrorShape.error;
import static dev.ticketing.platform.testing.Blocking.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ticketing.gateway.support.GatewayFixture;
import dev.ticketing.gateway.support.GatewayFixture.Running;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
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
  void anOperationThatNeedsASessionAnswers401BeforeLookingAtTheBody() throws Exception {
    HttpResponse<Buffer> noBody = await(gateway.http().post("/api/tickets").send());
    assertEquals(error("Not authorized", null), assertError(401, noBody));

    HttpResponse<Buffer> garbage = await(gateway.http().post("/api/tickets").putHeader("Content-Type", "text/plain")
        .sendBuffer(Buffer.buffer("{oops")));
    assertError(401, garbage);

    HttpResponse<Buffer> unknownField =
        await(gateway.http().put("/api/tickets/t1").sendJsonObject(new JsonObject().put("admin", true)));
    assertError(401, unknownField);

    HttpResponse<Buffer> signedIn = await(gateway.http().post("/api/tickets").putHeader("Cookie", gateway.session()).send());
    assertEquals(error("A JSON request body is required", null), assertError(400, signedIn));
    assertEquals(0, gateway.services().received.size());
  }

  @Test
  void emptyIdsAndTokensAre400NamingTheField() throws Exception {
    HttpResponse<Buffer> order = gateway.postSignedIn("/api/orders", new JsonObject().put("ticketId", ""));
    assertEquals(error("ticketId is too short", "ticketId"), assertError(400, order));

    HttpResponse<Buffer> orderId =
        gateway.postSignedIn("/api/payments", new JsonObject().put("orderId", "").put("token", "tok_visa"));
    assertEquals(error("orderId is too short", "orderId"), assertError(400, orderId));

    HttpResponse<Buffer> token = gateway.postSignedIn("/api/payments", new JsonObject().put("orderId", "o1").put("token", ""));
    assertEquals(error("token is too short", "token"), assertError(400, token));
    assertEquals(0, gateway.services().received.size());
  }

  @Test
  void a405OnlyWhereThePathExistsWithAnotherMethod() throws Exception {
    HttpResponse<Buffer> delete = await(gateway.http().delete("/api/tickets").send());
    assertEquals(error("Method not allowed", null), assertError(405, delete));

    HttpResponse<Buffer> getSignup = gateway.get("/api/users/signup");
    assertError(405, getSignup);

    HttpResponse<Buffer> unknownUsersPath = await(gateway.http().post("/api/users/nope").sendJsonObject(new JsonObject()));
    assertEquals(error("Not found", null), assertError(404, unknownUsersPath));

    HttpResponse<Buffer> unknownPath = await(gateway.http().post("/api/nothing-here").send());
    assertError(404, unknownPath);
  }

  @Test
  void queryValuesAreDecodedOnce() throws Exception {
    gateway.get("/api/tickets?q=C%2B%2B");
    gateway.get("/api/tickets?q=100%25");

    HttpResponse<Buffer> space = gateway.get("/api/tickets?q=a+b&limit=2");

    assertEquals(200, space.statusCode());
    assertEquals("C++", ((JsonObject) gateway.services().received.get(0).body()).getString("q"));
    assertEquals("100%", ((JsonObject) gateway.services().received.get(1).body()).getString("q"));
    assertEquals(new JsonObject().put("q", "a b").put("limit", 2), gateway.services().received.get(2).body());
  }
}
