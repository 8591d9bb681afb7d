package dev.ticketing.gateway;

import static dev.ticketing.gateway.support.ErrorShape.assertError;
import static dev.ticketing.gateway.support.ErrorShape.error;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ticketing.gateway.support.GatewayFixture;
import dev.ticketing.gateway.support.GatewayFixture.Running;
import dev.ticketing.gateway.support.RawHttp;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Requests an HTTP client would not send, over a raw socket: a missing or broken Host, a request
 * line or headers over the codec's limits, a line that is not HTTP, methods nobody knows. Each
 * gets a 4xx in the error shape with nosniff, and none reaches a service.
 */
@ExtendWith(VertxExtension.class)
class MalformedRequestTest {

  private Running gateway;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    gateway = GatewayFixture.running(vertx);
  }

  private static String get(String target, String headers) {
    return "GET " + target + " HTTP/1.1\n" + headers + "Connection: close\n\n";
  }

  @Test
  void aPortOutOfRangeInHostIs400() throws Exception {
    RawHttp.Response response = gateway.raw().answerTo(get("/api/tickets", "Host: 127.0.0.1:99999\n"));

    assertEquals(error("The Host header is missing or invalid", null), assertError(400, response));
    assertEquals(0, gateway.services().received.size());
  }

  @Test
  void aNonAsciiHostIs400() throws Exception {
    Buffer request = Buffer.buffer(get("/api/tickets", "Host: bücher.example\n").replace("\n", "\r\n"), "UTF-8");

    RawHttp.Response response = gateway.raw().answerTo(request);

    assertEquals(error("The Host header is missing or invalid", null), assertError(400, response));
  }

  @Test
  void http11WithoutHostIs400() throws Exception {
    RawHttp.Response response = gateway.raw().answerTo(get("/api/users/currentuser", ""));

    assertEquals(error("The Host header is missing or invalid", null), assertError(400, response));
  }

  @Test
  void aRequestLineOverTheLimitIs414InTheErrorShape() throws Exception {
    RawHttp.Response response = gateway.raw().answerTo(get("/" + "a".repeat(8000), "Host: localhost\n"));

    assertEquals(error("The request URI is too long", null), assertError(414, response));
  }

  @Test
  void headersOverTheLimitAre431InTheErrorShape() throws Exception {
    RawHttp.Response response =
        gateway.raw().answerTo(get("/api/tickets", "Host: localhost\nX-Padding: " + "p".repeat(10_000) + "\n"));

    assertEquals(error("The request headers are too large", null), assertError(431, response));
  }

  @Test
  void aLineThatIsNotHttpIs400InTheErrorShape() throws Exception {
    RawHttp.Response response = gateway.raw().answerTo("GARBAGE\n\n");

    assertEquals(error("The request is not valid HTTP", null), assertError(400, response));
  }

  @Test
  void unknownMethodsAreAnsweredNotLeftHanging() throws Exception {
    RawHttp.Response propfind = gateway.raw().answerTo("PROPFIND /api/tickets HTTP/1.1\nHost: localhost\nConnection: close\n\n");
    assertEquals(error("Method not allowed", null), assertError(405, propfind));

    RawHttp.Response foo = gateway.raw().answerTo("FOO /api/users/currentuser HTTP/1.1\nHost: localhost\nConnection: close\n\n");
    assertError(405, foo);
    assertEquals(0, gateway.services().received.size());
  }

  @Test
  void theGatewayStillAnswersAfterABrokenRequest() throws Exception {
    String brokenHeader = "GET / HTTP/1.1\r\nHost: localhost\r\nBroken header without colon\r\n\r\n";
    RawHttp.Response broken = gateway.raw().answerTo(Buffer.buffer(brokenHeader, StandardCharsets.ISO_8859_1.name()));
    assertError(400, broken);

    RawHttp.Response fine = gateway.raw().answerTo(get("/api/users/currentuser", "Host: localhost\n"));

    assertEquals(200, fine.status());
  }
}
