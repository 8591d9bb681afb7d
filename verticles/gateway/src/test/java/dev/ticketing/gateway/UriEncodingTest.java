package dev.ticketing.gateway;

import static dev.ticketing.gateway.support.ErrorShape.assertError;
import static dev.ticketing.gateway.support.ErrorShape.error;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ticketing.contracts.commands.Command;
import dev.ticketing.gateway.support.GatewayFixture;
import dev.ticketing.gateway.support.GatewayFixture.Running;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Percent-encoding the gateway cannot decode: in the query it is the client's mistake about that
 * parameter (400 naming it); in the path it names nothing that can exist (404). Never a 500, and
 * nothing reaches a service.
 */
@ExtendWith(VertxExtension.class)
class UriEncodingTest {

  private Running gateway;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    gateway = GatewayFixture.running(vertx, services -> services.onListing(new JsonArray(), null)
        .compose(ready -> services.on(Command.SHOW_TICKET, message -> message.reply(new JsonObject()))));
  }

  private Future<HttpResponse<Buffer>> get(String uri) {
    return gateway.http().get(uri).send();
  }

  @Test
  void aBrokenEscapeInAQueryValueIs400NamingTheParameter(VertxTestContext test) {
    get("/api/tickets?cursor=%zz")
        .compose(badHex -> {
          test.verify(() -> assertEquals(error("Invalid parameter cursor", "cursor"), assertError(400, badHex)));
          return get("/api/tickets?limit=5&q=%");
        })
        .compose(truncated -> {
          test.verify(() -> assertEquals(error("Invalid parameter q", "q"), assertError(400, truncated)));
          return get("/api/tickets?q=%E0%A4%A");
        })
        .onComplete(test.succeeding(cutMultibyte -> test.verify(() -> {
          assertEquals(error("Invalid parameter q", "q"), assertError(400, cutMultibyte));
          assertEquals(0, gateway.services().received.size());
          test.completeNow();
        })));
  }

  @Test
  void escapesThatAreNotUtf8AreRefusedToo(VertxTestContext test) {
    get("/api/tickets?q=%C3%28").onComplete(test.succeeding(response -> test.verify(() -> {
      assertEquals(error("Invalid parameter q", "q"), assertError(400, response));
      assertEquals(0, gateway.services().received.size());
      test.completeNow();
    })));
  }

  @Test
  void aBrokenEscapeInAParameterNameIs400(VertxTestContext test) {
    get("/api/tickets?%zz=1").onComplete(test.succeeding(response -> test.verify(() -> {
      assertEquals(error("The query string is not valid", null), assertError(400, response));
      test.completeNow();
    })));
  }

  @Test
  void aPathThatCannotBeDecodedIsNotFound(VertxTestContext test) {
    get("/api/tickets/%zz")
        .compose(ticket -> {
          test.verify(() -> assertEquals(error("Not found", null), assertError(404, ticket)));
          return get("/api/tickets/%E0%A4");
        })
        .compose(cutMultibyte -> {
          test.verify(() -> assertError(404, cutMultibyte));
          return get("/js/%zz.js");
        })
        .onComplete(test.succeeding(asset -> test.verify(() -> {
          assertError(404, asset);
          assertEquals(0, gateway.services().received.size());
          test.completeNow();
        })));
  }

  @Test
  void wellFormedEscapesStillWork(VertxTestContext test) {
    get("/api/tickets/t%201").onComplete(test.succeeding(response -> test.verify(() -> {
      assertEquals(200, response.statusCode());
      assertEquals("t 1", ((JsonObject) gateway.services().received.get(0).body()).getString("id"));
      test.completeNow();
    })));
  }
}
