package dev.ticketing.e2e;

import static dev.ticketing.platform.testing.Blocking.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.e2e.support.LocalSystem;
import dev.ticketing.e2e.support.Shopper;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The security promises, tried from outside against a running system: nobody acts on another's
 * orders or tickets, only sessions we signed count, cookies carry the right flags, cross-site
 * writes are refused, sign-in limits hold under a burst, security headers are on every answer, and
 * no secret ends up in a log.
 */
@ExtendWith(VertxExtension.class)
class SecurityIT {

  @RegisterExtension
  static final LocalSystem system = LocalSystem.forTests("security", LocalSystem.EVERY_SERVICE, Map.of());

  private static WebClient plain(Vertx vertx) {
    return WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(system.gatewayPort()));
  }

  @Test
  void nobodyActsOnAnotherUsersOrdersOrTickets(Vertx vertx) throws Exception {
    Shopper seller = new Shopper(vertx, system);
    Shopper buyer = new Shopper(vertx, system);
    Shopper stranger = new Shopper(vertx, system);
    await(Future.all(seller.signUp(), buyer.signUp(), stranger.signUp()));
    String ticketId = await(seller.sell("Private show", 40)).getString("id");
    String orderId = await(buyer.orderWhenKnown(ticketId)).getString("id");

    List<Future<HttpResponse<Buffer>>> refusals = List.of(
        stranger.showOrder(orderId),
        stranger.cancel(orderId),
        stranger.pay(orderId, "tok_visa"),
        stranger.send(HttpMethod.PUT, "/api/tickets/" + ticketId, new JsonObject().put("title", "Mine now").put("price", 1)));
    for (int i = 0; i < refusals.size(); i++) {
      HttpResponse<Buffer> refused = await(refusals.get(i));
      assertEquals(403, refused.statusCode(), "call " + i + ": " + refused.bodyAsString());
    }
    assertTrue(await(stranger.get("/api/orders")).bodyAsJsonArray().isEmpty(), "another user's orders are never listed");
    assertTrue(await(stranger.get("/api/tickets?mine=true")).bodyAsJsonArray().isEmpty(), "another user's tickets are not 'mine'");
    assertEquals("created", await(buyer.showOrder(orderId)).bodyAsJsonObject().getString("status"),
        "the stranger's cancel changed nothing");
  }

  @Test
  void onlySessionsWeSignedCount(Vertx vertx) throws Exception {
    long now = System.currentTimeMillis() / 1000;
    String claims = "{\"id\":\"" + "a".repeat(24) + "\",\"email\":\"forger@example.com\",\"iat\":" + now + ",\"exp\":";
    List<String> forged = List.of(
        token("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", claims + (now + 3600) + "}", "another key entirely, 32 characters+"),
        token("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", claims + (now - 60) + "}", LocalSystem.JWT_KEY), // expired
        unsigned(claims + (now + 3600) + "}"),
        tampered(token("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", claims + (now + 3600) + "}", LocalSystem.JWT_KEY)));
    WebClient http = plain(vertx);

    for (int i = 0; i < forged.size(); i++) {
      String cookie = "session=" + forged.get(i);
      HttpResponse<Buffer> current = await(http.get("/api/users/currentuser").putHeader("Cookie", cookie).send());
      HttpResponse<Buffer> write = await(http.post("/api/tickets").putHeader("Cookie", cookie)
          .sendJsonObject(new JsonObject().put("title", "Forged").put("price", 1)));
      assertNull(current.bodyAsJsonObject().getValue("currentUser"), "token " + i + " names nobody");
      assertEquals(401, write.statusCode(), "token " + i + " may not write");
    }
  }

  @Test
  void theSessionCookieCarriesItsFlagsAndCrossSiteWritesAreRefused(Vertx vertx) throws Exception {
    WebClient http = plain(vertx);
    String email = "flags-" + UUID.randomUUID() + "@example.com";

    HttpResponse<Buffer> signedUp = await(http.post("/api/users/signup")
        .sendJsonObject(new JsonObject().put("email", email).put("password", "a long password")));

    String cookie = signedUp.getHeader("Set-Cookie");
    String attributes = cookie.toLowerCase(Locale.ROOT); // attribute names are case-insensitive
    assertTrue(cookie.startsWith("session="), cookie);
    assertTrue(attributes.contains("; httponly"), cookie);
    assertTrue(attributes.contains("; samesite=lax"), cookie);
    assertTrue(attributes.contains("; path=/"), cookie);
    assertFalse(attributes.contains("; secure"), "not Secure outside the production profile: " + cookie);
    String session = cookie.substring(0, cookie.indexOf(';'));
    JsonObject ticket = new JsonObject().put("title", "Cross-site").put("price", 5);
    List<Future<HttpResponse<Buffer>>> crossSite = List.of(
        http.post("/api/tickets").putHeader("Cookie", session).putHeader("Origin", "https://evil.example").sendJsonObject(ticket),
        http.post("/api/tickets").putHeader("Cookie", session).putHeader("Sec-Fetch-Site", "cross-site").sendJsonObject(ticket),
        http.post("/api/users/signin").putHeader("Origin", "https://evil.example")
            .sendJsonObject(new JsonObject().put("email", email).put("password", "a long password")));
    for (int i = 0; i < crossSite.size(); i++) {
      assertEquals(403, await(crossSite.get(i)).statusCode(), "cross-site write " + i);
    }
    HttpResponse<Buffer> ours = await(http.post("/api/tickets").putHeader("Cookie", session).putHeader("Origin", system.baseUrl())
        .sendJsonObject(ticket));
    assertEquals(201, ours.statusCode(), "our own origin may write");
  }

  @Test
  void aBurstOfSignInGuessesGetsNoMoreTriesThanTheLimit(Vertx vertx) throws Exception {
    WebClient http = plain(vertx);
    String email = "burst-" + UUID.randomUUID() + "@example.com";
    await(http.post("/api/users/signup").sendJsonObject(new JsonObject().put("email", email).put("password", "the right password")));

    List<HttpResponse<Buffer>> burst = await(Future.all(IntStream.range(0, 30).mapToObj(i -> http.post("/api/users/signin")
        .sendJsonObject(new JsonObject().put("email", email).put("password", "guess " + i))).toList())).list();

    assertEquals(10, burst.stream().filter(response -> response.statusCode() == 400).count(),
        "ten guesses per account per window, however many come at once");
    assertEquals(20, burst.stream().filter(response -> response.statusCode() == 429).count());
    HttpResponse<Buffer> right = await(http.post("/api/users/signin")
        .sendJsonObject(new JsonObject().put("email", email).put("password", "the right password")));
    assertEquals(429, right.statusCode(), "over the limit even the right password waits");
  }

  @Test
  void securityHeadersAreOnEveryAnswer(Vertx vertx) throws Exception {
    WebClient http = plain(vertx);

    List<HttpResponse<Buffer>> answers = await(Future.all(http.get("/").send(), http.get("/api/tickets").send(),
        http.get("/api/nothing").send(), http.get("/js/app.js").send(), http.post("/api/users/signin").sendJsonObject(new JsonObject())))
        .list();

    for (HttpResponse<Buffer> response : answers) {
      assertEquals("nosniff", response.getHeader("X-Content-Type-Options"));
    }
    HttpResponse<Buffer> page = answers.get(0);
    assertTrue(page.getHeader("Content-Security-Policy").contains("default-src 'self'"));
    assertEquals("DENY", page.getHeader("X-Frame-Options"));
  }

  @Test
  void noSecretEndsUpInALog(Vertx vertx) throws Exception {
    await(new Shopper(vertx, system).signUp());

    List<String> secrets = List.of(LocalSystem.JWT_KEY, LocalSystem.WEBHOOK_SECRET, "sk_test_e2e", "a long password");
    try (Stream<Path> logs = Files.list(system.logs())) {
      for (Path log : logs.filter(path -> path.toString().endsWith(".log")).toList()) {
        String text = Files.readString(log, StandardCharsets.ISO_8859_1);
        for (String secret : secrets) {
          assertFalse(text.contains(secret), log.getFileName() + " contains a secret");
        }
      }
    }
  }

  private static String token(String header, String payload, String key) throws Exception {
    String unsigned = base64(header) + "." + base64(payload);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return unsigned + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(unsigned.getBytes(StandardCharsets.UTF_8)));
  }

  private static String unsigned(String payload) {
    return base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + base64(payload) + ".";
  }

  private static String tampered(String jwt) {
    int at = jwt.lastIndexOf('.') + 3;
    char flipped = jwt.charAt(at) == 'A' ? 'B' : 'A';
    return jwt.substring(0, at) + flipped + jwt.substring(at + 1);
  }

  private static String base64(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
