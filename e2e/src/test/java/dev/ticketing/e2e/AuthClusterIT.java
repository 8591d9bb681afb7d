package dev.ticketing.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.ticketing.e2e.support.LocalSystem;
import dev.ticketing.platform.testing.Eventually;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.client.WebClientSession;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
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
  void aUserSignsUpReadsCurrentUserSignsOutAndSignsInAgain(Vertx vertx, VertxTestContext test) {
    WebClientSession browser = browser(vertx);
    String email = "e2e-" + UUID.randomUUID() + "@example.com";
    JsonObject credentials = new JsonObject().put("email", email).put("password", "a long password");
    browser.post("/api/users/signup").sendJsonObject(credentials)
        .compose(signedUp -> {
          test.verify(() -> {
            assertEquals(201, signedUp.statusCode(), signedUp.bodyAsString());
            assertEquals(email, signedUp.bodyAsJsonObject().getString("email"));
          });
          return browser.get("/api/users/currentuser").send();
        })
        .compose(current -> {
          test.verify(() -> assertEquals(email, current.bodyAsJsonObject().getJsonObject("currentUser").getString("email")));
          return browser.post("/api/users/signout").send();
        })
        .compose(signedOut -> {
          test.verify(() -> assertEquals(200, signedOut.statusCode()));
          return browser.get("/api/users/currentuser").send();
        })
        .compose(anonymous -> {
          test.verify(() -> assertEquals(new JsonObject().putNull("currentUser"), anonymous.bodyAsJsonObject()));
          return browser.post("/api/users/signin").sendJsonObject(credentials.copy().put("password", "wrong password"));
        })
        .compose(refused -> {
          test.verify(() -> assertEquals("Invalid credentials",
              refused.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0).getString("message")));
          return browser.post("/api/users/signin").sendJsonObject(credentials);
        })
        .compose(signedIn -> {
          test.verify(() -> assertEquals(200, signedIn.statusCode()));
          return browser.get("/api/users/currentuser").send();
        })
        .onComplete(test.succeeding(current -> test.verify(() -> {
          JsonObject user = current.bodyAsJsonObject().getJsonObject("currentUser");
          assertNotNull(user);
          assertEquals(email, user.getString("email"));
          test.completeNow();
        })));
  }

  @Test
  @Order(2)
  void whenAuthIsStoppedTheGatewayAnswers503AndRecoversWhenItReturns(Vertx vertx, VertxTestContext test) {
    system.stop("auth");
    WebClientSession browser = browser(vertx);
    JsonObject credentials = new JsonObject().put("email", "gone-" + UUID.randomUUID() + "@example.com").put("password", "a long password");
    browser.post("/api/users/signup").sendJsonObject(credentials)
        .compose(unavailable -> {
          test.verify(() -> assertEquals(503, unavailable.statusCode(), unavailable.bodyAsString()));
          return vertx.executeBlocking(() -> {
            system.restart("auth"); // blocks until auth is ready: not on the event loop
            return null;
          });
        })
        .compose(restarted -> Eventually.await(vertx, 30_000, "auth to be reachable again",
            () -> browser.post("/api/users/signup").sendJsonObject(credentials).map(again -> again.statusCode() == 201)))
        .onComplete(test.succeedingThenComplete());
  }
}
