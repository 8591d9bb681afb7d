package dev.ticketing.gateway;

import static dev.ticketing.gateway.support.ErrorShape.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ticketing.gateway.support.FakeServices;
import dev.ticketing.gateway.support.GatewayFixture;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Behind a reverse proxy that rewrites Host (the gateway sees 127.0.0.1:port), a browser's write
 * from our public origin is ours when the proxy is trusted and forwarded that origin; otherwise,
 * and for every other origin, it is refused as cross-site.
 */
@ExtendWith(VertxExtension.class)
class CrossSiteProxyTest {

  private static final JsonObject CREDENTIALS = new JsonObject().put("email", "ann@example.com").put("password", "password1");

  private Future<WebClient> gateway(Vertx vertx, int trustedProxyHops) {
    return new FakeServices(vertx).authAnswering("u1", "ann@example.com")
        .compose(ready -> GatewayFixture.start(vertx, GatewayFixture.config(2000, false, trustedProxyHops)));
  }

  private static Future<HttpResponse<Buffer>> signIn(WebClient http, Map<String, String> headers) {
    MultiMap all = MultiMap.caseInsensitiveMultiMap().addAll(headers);
    return http.post("/api/users/signin").putHeaders(all).sendJsonObject(CREDENTIALS);
  }

  /** Signs in with each set of headers, expecting {@code status} for every one. */
  private static void expect(VertxTestContext test, WebClient http, int status, List<Map<String, String>> requests) {
    Future<Void> chain = Future.succeededFuture();
    for (Map<String, String> headers : requests) {
      chain = chain.compose(previous -> signIn(http, headers).map(response -> {
        test.verify(() -> {
          if (status == 200) {
            assertEquals(200, response.statusCode(), headers + " " + response.bodyAsString());
          } else {
            assertError(status, response);
          }
        });
        return null;
      }));
    }
    chain.onComplete(test.succeedingThenComplete());
  }

  @Test
  void behindATrustedProxyTheForwardedOriginIsOurs(Vertx vertx, VertxTestContext test) {
    gateway(vertx, 1).onComplete(test.succeeding(http -> expect(test, http, 200, List.of(
        Map.of("Origin", "https://tickets.example", "X-Forwarded-Host", "tickets.example", "X-Forwarded-Proto", "https"),
        Map.of("Origin", "https://tickets.example", "X-Forwarded-Host", "tickets.example:443", "X-Forwarded-Proto", "https"),
        Map.of("Origin", "https://tickets.example", "X-Forwarded-Host", "evil.example, tickets.example", "X-Forwarded-Proto", "https"),
        Map.of("Origin", "https://Tickets.Example", "Forwarded", "for=192.0.2.1;host=tickets.example;proto=https"),
        Map.of("Origin", "https://tickets.example:8443", "Forwarded", "for=\"[2001:db8::1]\";host=\"tickets.example:8443\";proto=https"),
        Map.of("Origin", "https://tickets.example", "Forwarded", "host=evil.example;proto=https, host=tickets.example;proto=https")))));
  }

  @Test
  void behindATrustedProxyOtherOriginsAreStillRefused(Vertx vertx, VertxTestContext test) {
    gateway(vertx, 1).onComplete(test.succeeding(http -> expect(test, http, 403, List.of(
        Map.of("Origin", "https://evil.example", "X-Forwarded-Host", "tickets.example", "X-Forwarded-Proto", "https"),
        Map.of("Origin", "http://tickets.example", "X-Forwarded-Host", "tickets.example", "X-Forwarded-Proto", "https"),
        Map.of("Origin", "https://evil.example", "X-Forwarded-Host", "evil.example, tickets.example", "X-Forwarded-Proto", "https"),
        Map.of("Origin", "https://evil.example", "Forwarded", "host=evil.example;proto=https, host=tickets.example;proto=https"),
        Map.of("Origin", "null", "X-Forwarded-Host", "tickets.example")))));
  }

  @Test
  void withoutTrustedProxiesForwardedHeadersAreIgnored(Vertx vertx, VertxTestContext test) {
    gateway(vertx, 0).onComplete(test.succeeding(http -> expect(test, http, 403, List.of(
        Map.of("Origin", "https://tickets.example", "X-Forwarded-Host", "tickets.example", "X-Forwarded-Proto", "https"),
        Map.of("Origin", "https://tickets.example", "Forwarded", "host=tickets.example;proto=https"),
        Map.of("Origin", "null")))));
  }
}
