package dev.ticketing.gateway;

import static dev.ticketing.platform.testing.Blocking.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.gateway.auth.SessionTokens;
import dev.ticketing.gateway.support.Cookies;
import dev.ticketing.gateway.support.GatewayFixture;
import dev.ticketing.gateway.support.GatewayFixture.Running;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The session cookie, what counts as signed in, and the cross-site guard. */
@ExtendWith(VertxExtension.class)
class SessionTest {

  private static final JsonObject CREDENTIALS = new JsonObject().put("email", "ann@example.com").put("password", "password1");

  private static Running gateway(Vertx vertx, boolean secureCookie) throws Exception {
    return GatewayFixture.running(vertx, GatewayFixture.config(2000, secureCookie),
        services -> services.authAnswering("u1", "ann@example.com"));
  }

  /** What a browser holding {@code token} is told: who is signed in, then whether it may place an order. */
  private record Visit(HttpResponse<Buffer> currentUser, HttpResponse<Buffer> order) {
  }

  private static Future<Visit> visitWith(WebClient http, String token) {
    return http.get("/api/users/currentuser").putHeader("Cookie", "session=" + token).send()
        .compose(current -> http.post("/api/orders").putHeader("Cookie", "session=" + token)
            .sendJsonObject(new JsonObject().put("ticketId", "t1"))
            .map(order -> new Visit(current, order)));
  }

  @Test
  void signingUpSetsAnHttpOnlyLaxCookieThatNamesTheUser(Vertx vertx) throws Exception {
    WebClient http = gateway(vertx, false).http();

    HttpResponse<Buffer> signedUp = await(http.post("/api/users/signup").sendJsonObject(CREDENTIALS));

    String cookie = Cookies.sessionSetCookie(signedUp);
    assertEquals(201, signedUp.statusCode());
    assertNotNull(cookie);
    assertTrue(cookie.contains("HTTPOnly") || cookie.contains("HttpOnly"), cookie);
    assertTrue(cookie.contains("SameSite=Lax"), cookie);
    assertTrue(cookie.contains("Path=/"), cookie);
    assertFalse(cookie.contains("Secure"), cookie);
    HttpResponse<Buffer> current =
        await(http.get("/api/users/currentuser").putHeader("Cookie", Cookies.asRequestCookie(cookie)).send());
    JsonObject user = current.bodyAsJsonObject().getJsonObject("currentUser");
    assertEquals("u1", user.getString("id"));
    assertEquals("ann@example.com", user.getString("email"));
    assertTrue(user.getLong("exp") > user.getLong("iat"));
  }

  @Test
  void theCookieIsSecureWhenConfigured(Vertx vertx) throws Exception {
    WebClient http = gateway(vertx, true).http();

    HttpResponse<Buffer> signedIn = await(http.post("/api/users/signin").sendJsonObject(CREDENTIALS));

    assertEquals(200, signedIn.statusCode());
    assertTrue(Cookies.sessionSetCookie(signedIn).contains("Secure"));
  }

  @Test
  void signingOutAnswersAnEmptyObjectAndClearsTheCookie(Vertx vertx) throws Exception {
    WebClient http = gateway(vertx, false).http();

    HttpResponse<Buffer> response =
        await(http.post("/api/users/signout").putHeader("Cookie", Cookies.sessionFor(vertx, "u1", "a@b.co")).send());

    assertEquals(200, response.statusCode());
    assertEquals(new JsonObject(), response.bodyAsJsonObject());
    assertTrue(Cookies.sessionSetCookie(response).contains("Max-Age=0"));
  }

  @Test
  void cookieSessionsBase64JsonFormIsAccepted(Vertx vertx) throws Exception {
    String jwt = Cookies.sessionFor(vertx, "u7", "g@h.io").substring("session=".length());
    String wrapped = Base64.getEncoder().encodeToString(new JsonObject().put("jwt", jwt).encode().getBytes(StandardCharsets.UTF_8));
    WebClient http = gateway(vertx, false).http();

    HttpResponse<Buffer> response = await(http.get("/api/users/currentuser").putHeader("Cookie", "session=" + wrapped).send());

    assertEquals("u7", response.bodyAsJsonObject().getJsonObject("currentUser").getString("id"));
  }

  @Test
  void anInvalidSessionMeansNobodyIsSignedIn(Vertx vertx) throws Exception {
    String valid = Cookies.sessionFor(vertx, "u1", "ann@example.com").substring("session=".length());
    String[] parts = valid.split("\\.");
    String header = b64(new JsonObject().put("alg", "none").put("typ", "JWT"));
    List<String> invalid = List.of(
        "garbage",
        parts[0] + "." + b64(new JsonObject().put("id", "admin").put("email", "x@y.z").put("exp", 4_000_000_000L)) + "." + parts[2],
        header + "." + parts[1] + ".",
        new SessionTokens(vertx, "some-other-key-some-other-key-some-other", 3600).issue("u1", "ann@example.com"),
        new SessionTokens(vertx, GatewayFixture.JWT_KEY, -10).issue("u1", "ann@example.com"));
    WebClient http = gateway(vertx, false).http();

    List<Future<Visit>> visits = invalid.stream().map(token -> visitWith(http, token)).toList();
    await(Future.all(visits));

    for (int i = 0; i < invalid.size(); i++) {
      String token = invalid.get(i);
      Visit visit = visits.get(i).result();
      assertEquals(new JsonObject().putNull("currentUser"), visit.currentUser().bodyAsJsonObject(), token);
      assertEquals(401, visit.order().statusCode(), token);
    }
  }

  @Test
  void writesFromAnotherSiteAreRefusedAndServersWithoutOriginAreServed(Vertx vertx) throws Exception {
    Running gateway = gateway(vertx, false);
    WebClient http = gateway.http();

    HttpResponse<Buffer> foreignOrigin =
        await(http.post("/api/users/signin").putHeader("Origin", "https://evil.example").sendJsonObject(CREDENTIALS));
    assertEquals(403, foreignOrigin.statusCode());
    assertEquals("Cross-site request refused",
        foreignOrigin.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0).getString("message"));

    HttpResponse<Buffer> crossSite =
        await(http.post("/api/users/signin").putHeader("Sec-Fetch-Site", "cross-site").sendJsonObject(CREDENTIALS));
    assertEquals(403, crossSite.statusCode());
    assertEquals(0, gateway.services().received.size(), "refused requests reach no service");

    HttpResponse<Buffer> allowed =
        await(http.post("/api/users/signin").putHeader("Origin", "https://shop.example.com").sendJsonObject(CREDENTIALS));
    assertEquals(200, allowed.statusCode());

    HttpResponse<Buffer> noOrigin = await(http.post("/api/users/signin").sendJsonObject(CREDENTIALS));
    assertEquals(200, noOrigin.statusCode());
    assertEquals(2, gateway.services().received.size());
  }

  private static String b64(JsonObject json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.encode().getBytes(StandardCharsets.UTF_8));
  }
}
