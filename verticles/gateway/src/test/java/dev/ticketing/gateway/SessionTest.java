package dev.ticketing.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.gateway.auth.SessionTokens;
import dev.ticketing.gateway.support.Cookies;
import dev.ticketing.gateway.support.FakeServices;
import dev.ticketing.gateway.support.GatewayFixture;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The session cookie, what counts as signed in, and the cross-site guard. */
@ExtendWith(VertxExtension.class)
class SessionTest {

  private static final JsonObject CREDENTIALS = new JsonObject().put("email", "ann@example.com").put("password", "password1");

  private Future<WebClient> gateway(Vertx vertx, FakeServices services, boolean secureCookie) {
    return services.authAnswering("u1", "ann@example.com")
        .compose(ready -> GatewayFixture.start(vertx, GatewayFixture.config(2000, secureCookie)));
  }

  @Test
  void signingUpSetsAnHttpOnlyLaxCookieThatNamesTheUser(Vertx vertx, VertxTestContext test) {
    gateway(vertx, new FakeServices(vertx), false).compose(http -> http.post("/api/users/signup").sendJsonObject(CREDENTIALS)
        .compose(signedUp -> {
          String cookie = Cookies.sessionSetCookie(signedUp);
          test.verify(() -> {
            assertEquals(201, signedUp.statusCode());
            assertNotNull(cookie);
            assertTrue(cookie.contains("HTTPOnly") || cookie.contains("HttpOnly"), cookie);
            assertTrue(cookie.contains("SameSite=Lax"), cookie);
            assertTrue(cookie.contains("Path=/"), cookie);
            assertFalse(cookie.contains("Secure"), cookie);
          });
          return http.get("/api/users/currentuser").putHeader("Cookie", Cookies.asRequestCookie(cookie)).send();
        }))
        .onComplete(test.succeeding(current -> test.verify(() -> {
          JsonObject user = current.bodyAsJsonObject().getJsonObject("currentUser");
          assertEquals("u1", user.getString("id"));
          assertEquals("ann@example.com", user.getString("email"));
          assertTrue(user.getLong("exp") > user.getLong("iat"));
          test.completeNow();
        })));
  }

  @Test
  void theCookieIsSecureWhenConfigured(Vertx vertx, VertxTestContext test) {
    gateway(vertx, new FakeServices(vertx), true)
        .compose(http -> http.post("/api/users/signin").sendJsonObject(CREDENTIALS))
        .onComplete(test.succeeding(signedIn -> test.verify(() -> {
          assertEquals(200, signedIn.statusCode());
          assertTrue(Cookies.sessionSetCookie(signedIn).contains("Secure"));
          test.completeNow();
        })));
  }

  @Test
  void signingOutAnswersAnEmptyObjectAndClearsTheCookie(Vertx vertx, VertxTestContext test) {
    gateway(vertx, new FakeServices(vertx), false)
        .compose(http -> http.post("/api/users/signout").putHeader("Cookie", Cookies.sessionFor(vertx, "u1", "a@b.co")).send())
        .onComplete(test.succeeding(response -> test.verify(() -> {
          assertEquals(200, response.statusCode());
          assertEquals(new JsonObject(), response.bodyAsJsonObject());
          assertTrue(Cookies.sessionSetCookie(response).contains("Max-Age=0"));
          test.completeNow();
        })));
  }

  @Test
  void cookieSessionsBase64JsonFormIsAccepted(Vertx vertx, VertxTestContext test) {
    String jwt = Cookies.sessionFor(vertx, "u7", "g@h.io").substring("session=".length());
    String wrapped = Base64.getEncoder().encodeToString(new JsonObject().put("jwt", jwt).encode().getBytes(StandardCharsets.UTF_8));
    gateway(vertx, new FakeServices(vertx), false)
        .compose(http -> http.get("/api/users/currentuser").putHeader("Cookie", "session=" + wrapped).send())
        .onComplete(test.succeeding(response -> test.verify(() -> {
          assertEquals("u7", response.bodyAsJsonObject().getJsonObject("currentUser").getString("id"));
          test.completeNow();
        })));
  }

  @Test
  void anInvalidSessionMeansNobodyIsSignedIn(Vertx vertx, VertxTestContext test) {
    String valid = Cookies.sessionFor(vertx, "u1", "ann@example.com").substring("session=".length());
    String[] parts = valid.split("\\.");
    String header = b64(new JsonObject().put("alg", "none").put("typ", "JWT"));
    List<String> invalid = List.of(
        "garbage",
        parts[0] + "." + b64(new JsonObject().put("id", "admin").put("email", "x@y.z").put("exp", 4_000_000_000L)) + "." + parts[2],
        header + "." + parts[1] + ".",
        new SessionTokens(vertx, "some-other-key-some-other-key-some-other", 3600).issue("u1", "ann@example.com"),
        new SessionTokens(vertx, GatewayFixture.JWT_KEY, -10).issue("u1", "ann@example.com"));
    gateway(vertx, new FakeServices(vertx), false).compose(http -> Future.all(invalid.stream().map(token ->
            http.get("/api/users/currentuser").putHeader("Cookie", "session=" + token).send()
                .compose(current -> {
                  test.verify(() -> assertEquals(new JsonObject().putNull("currentUser"), current.bodyAsJsonObject(), token));
                  return http.post("/api/orders").putHeader("Cookie", "session=" + token)
                      .sendJsonObject(new JsonObject().put("ticketId", "t1"));
                })
                .map(protectedRoute -> {
                  test.verify(() -> assertEquals(401, protectedRoute.statusCode(), token));
                  return protectedRoute;
                })).toList()))
        .onComplete(test.succeedingThenComplete());
  }

  @Test
  void writesFromAnotherSiteAreRefusedAndServersWithoutOriginAreServed(Vertx vertx, VertxTestContext test) {
    FakeServices services = new FakeServices(vertx);
    gateway(vertx, services, false).compose(http -> http.post("/api/users/signin")
            .putHeader("Origin", "https://evil.example").sendJsonObject(CREDENTIALS)
        .compose(foreignOrigin -> {
          test.verify(() -> {
            assertEquals(403, foreignOrigin.statusCode());
            assertEquals("Cross-site request refused",
                foreignOrigin.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0).getString("message"));
          });
          return http.post("/api/users/signin").putHeader("Sec-Fetch-Site", "cross-site").sendJsonObject(CREDENTIALS);
        })
        .compose(crossSite -> {
          test.verify(() -> {
            assertEquals(403, crossSite.statusCode());
            assertEquals(0, services.received.size(), "refused requests reach no service");
          });
          return http.post("/api/users/signin").putHeader("Origin", "https://shop.example.com").sendJsonObject(CREDENTIALS);
        })
        .compose(allowed -> {
          test.verify(() -> assertEquals(200, allowed.statusCode()));
          return http.post("/api/users/signin").sendJsonObject(CREDENTIALS);
        }))
        .onComplete(test.succeeding(noOrigin -> test.verify(() -> {
          assertEquals(200, noOrigin.statusCode());
          assertEquals(2, services.received.size());
          test.completeNow();
        })));
  }

  private static String b64(JsonObject json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.encode().getBytes(StandardCharsets.UTF_8));
  }
}
