package dev.ticketing.gateway;

import static dev.ticketing.gateway.support.ErrorShape.assertError;
import static dev.ticketing.gateway.support.ErrorShape.error;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ticketing.gateway.support.GatewayFixture;
import dev.ticketing.gateway.support.GatewayFixture.Running;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
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
  void aPortOutOfRangeInHostIs400(VertxTestContext test) {
    gateway.raw().send(get("/api/tickets", "Host: 127.0.0.1:99999\n")).onComplete(test.succeeding(response -> test.verify(() -> {
      assertEquals(error("The Host header is missing or invalid", null), assertError(400, response));
      assertEquals(0, gateway.services().received.size());
      test.completeNow();
    })));
  }

  @Test
  void aNonAsciiHostIs400(VertxTestContext test) {
    Buffer request = Buffer.buffer(get("/api/tickets", "Host: bücher.example\n").replace("\n", "\r\n"), "UTF-8");
    gateway.raw().send(request).onComplete(test.succeeding(response -> test.verify(() -> {
      assertEquals(error("The Host header is missing or invalid", null), assertError(400, response));
      test.completeNow();
    })));
  }

  @Test
  void http11WithoutHostIs400(VertxTestContext test) {
    gateway.raw().send(get("/api/users/currentuser", "")).onComplete(test.succeeding(response -> test.verify(() -> {
      assertEquals(error("The Host header is missing or invalid", null), assertError(400, response));
      test.completeNow();
    })));
  }

  @Test
  void aRequestLineOverTheLimitIs414InTheErrorShape(VertxTestContext test) {
    gateway.raw().send(get("/" + "a".repeat(8000), "Host: localhost\n"))
        .onComplete(test.succeeding(response -> test.verify(() -> {
          assertEquals(error("The request URI is too long", null), assertError(414, response));
          test.completeNow();
        })));
  }

  @Test
  void headersOverTheLimitAre431InTheErrorShape(VertxTestContext test) {
    gateway.raw().send(get("/api/tickets", "Host: localhost\nX-Padding: " + "p".repeat(10_000) + "\n"))
        .onComplete(test.succeeding(response -> test.verify(() -> {
          assertEquals(error("The request headers are too large", null), assertError(431, response));
          test.completeNow();
        })));
  }

  @Test
  void aLineThatIsNotHttpIs400InTheErrorShape(VertxTestContext test) {
    gateway.raw().send("GARBAGE\n\n").onComplete(test.succeeding(response -> test.verify(() -> {
      assertEquals(error("The request is not valid HTTP", null), assertError(400, response));
      test.completeNow();
    })));
  }

  @Test
  void unknownMethodsAreAnsweredNotLeftHanging(VertxTestContext test) {
    gateway.raw().send("PROPFIND /api/tickets HTTP/1.1\nHost: localhost\nConnection: close\n\n")
        .compose(propfind -> {
          test.verify(() -> assertEquals(error("Method not allowed", null), assertError(405, propfind)));
          return gateway.raw().send("FOO /api/users/currentuser HTTP/1.1\nHost: localhost\nConnection: close\n\n");
        })
        .onComplete(test.succeeding(foo -> test.verify(() -> {
          assertError(405, foo);
          assertEquals(0, gateway.services().received.size());
          test.completeNow();
        })));
  }

  @Test
  void theGatewayStillAnswersAfterABrokenRequest(VertxTestContext test) {
    String brokenHeader = "GET / HTTP/1.1\r\nHost: localhost\r\nBroken header without colon\r\n\r\n";
    gateway.raw().send(Buffer.buffer(brokenHeader, StandardCharsets.ISO_8859_1.name()))
        .compose(broken -> {
          test.verify(() -> assertError(400, broken));
          return gateway.raw().send(get("/api/users/currentuser", "Host: localhost\n"));
        })
        .onComplete(test.succeeding(fine -> test.verify(() -> {
          assertEquals(200, fine.status());
          test.completeNow();
        })));
  }
}
