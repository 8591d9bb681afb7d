package dev.ticketing.gateway.support;

import dev.ticketing.gateway.GatewayConfig;
import dev.ticketing.gateway.GatewayVerticle;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.List;

/** A gateway on a free port in the test's Vert.x, with a client pointed at it. */
public final class GatewayFixture {

  public static final String JWT_KEY = "gateway-test-key-gateway-test-key-0123456789";
  public static final String WEBHOOK_SECRET = "whsec_gateway_tests_secret";
  public static final int BODY_LIMIT = 64 * 1024;

  private GatewayFixture() {
  }

  public static GatewayConfig config(long serviceTimeoutMillis, boolean secureCookie) {
    return config(serviceTimeoutMillis, secureCookie, 0);
  }

  /** With {@code trustedProxyHops} reverse proxies in front whose forwarded headers count. */
  public static GatewayConfig config(long serviceTimeoutMillis, boolean secureCookie, int trustedProxyHops) {
    return new GatewayConfig("127.0.0.1", 0, BODY_LIMIT, JWT_KEY, 3600, secureCookie, serviceTimeoutMillis,
        List.of("https://shop.example.com"), trustedProxyHops, false, "", 10, "usd", WEBHOOK_SECRET, 0);
  }

  public static Future<WebClient> start(Vertx vertx, GatewayConfig config) {
    return deploy(vertx, config).map(gateway -> WebClient.create(vertx, new WebClientOptions()
        .setDefaultHost("127.0.0.1").setDefaultPort(gateway.port())));
  }

  /** The deployed gateway itself, for tests that talk to its port without an HTTP client. */
  public static Future<GatewayVerticle> deploy(Vertx vertx, GatewayConfig config) {
    GatewayVerticle gateway = new GatewayVerticle(config);
    return vertx.deployVerticle(gateway).map(id -> gateway);
  }
}
