package dev.ticketing.gateway;

import static dev.ticketing.gateway.support.ErrorShape.assertError;
import static dev.ticketing.gateway.support.ErrorShape.error;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ticketing.contracts.commands.Command;
import dev.ticketing.gateway.support.GatewayFixture;
import dev.ticketing.gateway.support.GatewayFixture.Running;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
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

  @Test
  void aBrokenEscapeInAQueryValueIs400NamingTheParameter() throws Exception {
    HttpResponse<Buffer> badHex = gateway.get("/api/tickets?cursor=%zz");
    assertEquals(error("Invalid parameter cursor", "cursor"), assertError(400, badHex));

    HttpResponse<Buffer> truncated = gateway.get("/api/tickets?limit=5&q=%");
    assertEquals(error("Invalid parameter q", "q"), assertError(400, truncated));

    HttpResponse<Buffer> cutMultibyte = gateway.get("/api/tickets?q=%E0%A4%A");
    assertEquals(error("Invalid parameter q", "q"), assertError(400, cutMultibyte));
    assertEquals(0, gateway.services().received.size());
  }

  @Test
  void escapesThatAreNotUtf8AreRefusedToo() throws Exception {
    HttpResponse<Buffer> response = gateway.get("/api/tickets?q=%C3%28");

    assertEquals(error("Invalid parameter q", "q"), assertError(400, response));
    assertEquals(0, gateway.services().received.size());
  }

  @Test
  void aBrokenEscapeInAParameterNameIs400() throws Exception {
    HttpResponse<Buffer> response = gateway.get("/api/tickets?%zz=1");

    assertEquals(error("The query string is not valid", null), assertError(400, response));
  }

  @Test
  void aPathThatCannotBeDecodedIsNotFound() throws Exception {
    HttpResponse<Buffer> ticket = gateway.get("/api/tickets/%zz");
    assertEquals(error("Not found", null), assertError(404, ticket));

    HttpResponse<Buffer> cutMultibyte = gateway.get("/api/tickets/%E0%A4");
    assertError(404, cutMultibyte);

    HttpResponse<Buffer> asset = gateway.get("/js/%zz.js");
    assertError(404, asset);
    assertEquals(0, gateway.services().received.size());
  }

  @Test
  void wellFormedEscapesStillWork() throws Exception {
    HttpResponse<Buffer> response = gateway.get("/api/tickets/t%201");

    assertEquals(200, response.statusCode());
    assertEquals("t 1", ((JsonObject) gateway.services().received.get(0).body()).getString("id"));
  }
}
