package dev.ticketing.e2e;

import static dev.ticketing.platform.testing.Blocking.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.ticketing.e2e.support.LocalSystem;
import dev.ticketing.platform.testing.Eventually;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.client.WebClientSession;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The gateway and auth in separate JVMs on a real Hazelcast cluster, used through HTTP as curl would. */
@ExtendWith(VertxExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuthClusterIT {

  @RegisterExtension
  static final LocalSystem system = LocalSystem.forTests("auth-cluster", List.of("auth"), Map.of());

  private static WebClientSession browser(Vertx vertx) {
    return WebClientSession.create(WebClient.create(vertx, new WebClientOptions()
        .setDefaultHost("127.0.0.1").setDefaultPort(system.gatewayPort())));
  }

  @Test
  @Order(1)
  void aUserSignsUpReadsCurrentUserSignsOutAndSignsInAgain(Vertx vertx) throws Exception {
    WebClientSession browser = browser(vertx);
    String email = "e2e-" + UUID.randomUUID() + "@example.com";
    JsonObject credentials = new JsonObject().put("email", email).put("password", "a long password");

    HttpResponse<Buffer> signedUp = await(browser.post("/api/users/signup").sendJsonObject(credentials));
    assertEquals(201, signedUp.statusCode(), signedUp.bodyAsString());
    assertEquals(email, signedUp.bodyAsJsonObject().getString("email"));
    assertEquals(email, currentUser(browser).getJsonObject("currentUser").getString("email"));

    assertEquals(200, await(browser.post("/api/users/signout").send()).statusCode());
    assertEquals(new JsonObject().putNull("currentUser"), currentUser(browser));

    HttpResponse<Buffer> refused = await(browser.post("/api/users/signin").sendJsonObject(credentials.copy().put("password", "wrong password")));
    assertEquals("Invalid credentials", refused.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0).getString("message"));
    assertEquals(200, await(browser.post("/api/users/signin").sendJsonObject(credentials)).statusCode());
    JsonObject user = currentUser(browser).getJsonObject("currentUser");
    assertNotNull(user);
    assertEquals(email, user.getString("email"));
  }

  private static JsonObject currentUser(WebClientSession browser) throws Exception {
    return await(browser.get("/api/users/currentuser").send()).bodyAsJsonObject();
  }

  @Test
  @Order(2)
  void whenAuthIsStoppedTheGatewayAnswers503AndRecoversWhenItReturns(Vertx vertx) throws Exception {
    system.stop("auth");
    WebClientSession browser = browser(vertx);
    JsonObject credentials = new JsonObject().put("email", "gone-" + UUID.randomUUID() + "@example.com").put("password", "a long password");

    HttpResponse<Buffer> unavailable = await(browser.post("/api/users/signup").sendJsonObject(credentials));

    assertEquals(503, unavailable.statusCode(), unavailable.bodyAsString());
    system.restart("auth"); // blocks until auth is ready
    await(Eventually.await(vertx, 30_000, "auth to be reachable again",
        () -> browser.post("/api/users/signup").sendJsonObject(credentials).map(again -> again.statusCode() == 201)));
  }
}
