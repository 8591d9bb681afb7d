package dev.ticketing.gateway.support;

import dev.ticketing.gateway.GatewayConfig;
import dev.ticketing.gateway.GatewayVerticle;
import dev.ticketing.platform.testing.Blocking;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.List;
import java.util.function.Function;

/** A gateway on a free port in the test's Vert.x, with a client pointed at it. */
public final class GatewayFixture {

  public static final String JWT_KEY = "gateway-test-key-gateway-test-key-0123456789";
  public static final String WEBHOOK_SECRET = "whsec_gateway_tests_secret";
  public static final int BODY_LIMIT = 64 * 1024;
  /** Long enough that a fake service always answers in time; a test about slow services sets its own. */
  public static final long SERVICE_TIMEOUT_MILLIS = 2000;

  /**
   * A started gateway with the fake services behind it, the two ways to reach it, and a session cookie for
   * user u1 (ann@example.com). All of it lives in the test's Vert.x, which closes it after the test.
   */
  public record Running(WebClient http, RawHttp raw, FakeServices services, String session) {

    /** Posts {@code body} to sign-up as {@code contentType}, the route the request-body tests send to; the answer. */
    public HttpResponse<Buffer> signUp(String contentType, Buffer body) throws Exception {
      return Blocking.await(http.post("/api/users/signup").putHeader("Content-Type", contentType).sendBuffer(body));
    }

    /** GETs {@code uri} without a session; the answer. */
    public HttpResponse<Buffer> get(String uri) throws Exception {
      return Blocking.await(http.get(uri).send());
    }

    /** Posts {@code body} as JSON to {@code uri} with user u1's session; the answer. */
    public HttpResponse<Buffer> postSignedIn(String uri, JsonObject body) throws Exception {
      return Blocking.await(http.post(uri).putHeader("Cookie", session).sendJsonObject(body));
    }
  }

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

  /** The deployed gateway itself, for tests that talk to its port without an HTTP client. */
  public static Future<GatewayVerticle> deploy(Vertx vertx, GatewayConfig config) {
    GatewayVerticle gateway = new GatewayVerticle(config);
    return vertx.deployVerticle(gateway).map(id -> gateway);
  }

  /** A gateway whose services answer nothing until the test sets them up. */
  public static Running running(Vertx vertx) throws Exception {
    return running(vertx, SERVICE_TIMEOUT_MILLIS, services -> Future.succeededFuture());
  }

  /** A gateway with the usual service timeout, behind services that answer as {@code answers} sets up. */
  public static Running running(Vertx vertx, Function<FakeServices, Future<?>> answers) throws Exception {
    return running(vertx, SERVICE_TIMEOUT_MILLIS, answers);
  }

  /**
   * Lets {@code answers} set up what the fake services answer, then starts the gateway in front of them.
   * It blocks until both are ready, so a {@code @BeforeEach} can call it and leave the tests a running gateway.
   */
  public static Running running(Vertx vertx, long serviceTimeoutMillis, Function<FakeServices, Future<?>> answers)
      throws Exception {
    return running(vertx, config(serviceTimeoutMillis, false), answers);
  }

  /** The same, for a gateway configured as {@code config} says (a secure cookie, trusted proxies). */
  public static Running running(Vertx vertx, GatewayConfig config, Function<FakeServices, Future<?>> answers)
      throws Exception {
    FakeServices services = new FakeServices(vertx);
    Blocking.await(answers.apply(services));
    GatewayVerticle gateway = Blocking.await(deploy(vertx, config));
    return new Running(client(vertx, gateway), new RawHttp(vertx, gateway.port()), services,
        Cookies.sessionFor(vertx, "u1", "ann@example.com"));
  }

  private static WebClient client(Vertx vertx, GatewayVerticle gateway) {
    return WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(gateway.port()));
  }
}
