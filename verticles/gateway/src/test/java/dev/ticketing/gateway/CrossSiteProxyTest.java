package dev.ticketing.gateway;

import static dev.ticketing.gateway.support.ErrorShape.assertError;
import static dev.ticketing.platform.testing.Blocking.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ticketing.gateway.support.GatewayFixture;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
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

  private static WebClient gateway(Vertx vertx, int trustedProxyHops) throws Exception {
    return GatewayFixture.running(vertx, GatewayFixture.config(2000, false, trustedProxyHops),
        services -> services.authAnswering("u1", "ann@example.com")).http();
  }

  private static HttpResponse<Buffer> signIn(WebClient http, Map<String, String> headers) throws Exception {
    MultiMap all = MultiMap.caseInsensitiveMultiMap().addAll(headers);
    return await(http.post("/api/users/signin").putHeaders(all).sendJsonObject(CREDENTIALS));
  }

  @Test
  void behindATrustedProxyTheForwardedOriginIsOurs(Vertx vertx) throws Exception {
    WebClient http = gateway(vertx, 1);
    List<Map<String, String>> ourOriginForwarded = List.of(
        Map.of("Origin", "https://tickets.example", "X-Forwarded-Host", "tickets.example", "X-Forwarded-Proto", "https"),
        Map.of("Origin", "https://tickets.example", "X-Forwarded-Host", "tickets.example:443", "X-Forwarded-Proto", "https"),
        Map.of("Origin", "https://tickets.example", "X-Forwarded-Host", "evil.example, tickets.example", "X-Forwarded-Proto", "https"),
        Map.of("Origin", "https://Tickets.Example", "Forwarded", "for=192.0.2.1;host=tickets.example;proto=https"),
        Map.of("Origin", "https://tickets.example:8443", "Forwarded", "for=\"[2001:db8::1]\";host=\"tickets.example:8443\";proto=https"),
        Map.of("Origin", "https://tickets.example", "Forwarded", "host=evil.example;proto=https, host=tickets.example;proto=https"));

    for (Map<String, String> headers : ourOriginForwarded) {
      HttpResponse<Buffer> response = signIn(http, headers);
      assertEquals(200, response.statusCode(), headers + " " + response.bodyAsString());
    }
  }

  @Test
  void behindATrustedProxyOtherOriginsAreStillRefused(Vertx vertx) throws Exception {
    WebClient http = gateway(vertx, 1);
    List<Map<String, String>> otherOrigins = List.of(
        Map.of("Origin", "https://evil.example", "X-Forwarded-Host", "tickets.example", "X-Forwarded-Proto", "https"),
        Map.of("Origin", "http://tickets.example", "X-Forwarded-Host", "tickets.example", "X-Forwarded-Proto", "https"),
        Map.of("Origin", "https://evil.example", "X-Forwarded-Host", "evil.example, tickets.example", "X-Forwarded-Proto", "https"),
        Map.of("Origin", "https://evil.example", "Forwarded", "host=evil.example;proto=https, host=tickets.example;proto=https"),
        Map.of("Origin", "null", "X-Forwarded-Host", "tickets.example"));

    for (Map<String, String> headers : otherOrigins) {
      assertError(403, signIn(http, headers));
    }
  }

  @Test
  void withoutTrustedProxiesForwardedHeadersAreIgnored(Vertx vertx) throws Exception {
    WebClient http = gateway(vertx, 0);
    List<Map<String, String>> forwardedToAnUntrustedGateway = List.of(
        Map.of("Origin", "https://tickets.example", "X-Forwarded-Host", "tickets.example", "X-Forwarded-Proto", "https"),
        Map.of("Origin", "https://tickets.example", "Forwarded", "host=tickets.example;proto=https"),
        Map.of("Origin", "null"));

    for (Map<String, String> headers : forwardedToAnUntrustedGateway) {
      assertError(403, signIn(http, headers));
    }
  }
}
