package dev.ticketing.gateway;

import static dev.ticketing.platform.testing.Blocking.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ticketing.contracts.commands.Command;
import dev.ticketing.contracts.errors.Validation;
import dev.ticketing.gateway.support.GatewayFixture;
import dev.ticketing.gateway.support.GatewayFixture.Running;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** One failure mapper: typed failures keep their status, a missing service is 503, a slow one 504, the unknown 500. */
@ExtendWith(VertxExtension.class)
class ErrorMappingTest {

  private Running gateway;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    // A short service timeout, so the slow service's 504 comes quickly; each test sets up its own answers.
    gateway = GatewayFixture.running(vertx, 300, services -> Future.succeededFuture());
  }

  @Test
  void aTypedFailureFromAServiceKeepsItsStatusAndErrors() throws Exception {
    Validation invalid = Validation.of("title", "Title is required");
    await(gateway.services().on(Command.CREATE_TICKET, message -> message.fail(400, invalid.toJson().encode())));

    HttpResponse<Buffer> response = gateway.postSignedIn("/api/tickets", new JsonObject().put("title", "").put("price", 10));

    assertEquals(400, response.statusCode());
    assertEquals(invalid.toJson(), response.bodyAsJsonObject());
  }

  @Test
  void noServiceListeningIs503() throws Exception {
    HttpResponse<Buffer> response = gateway.get("/api/tickets");

    assertEquals(503, response.statusCode());
    assertNotNull(response.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0).getString("message"));
  }

  @Test
  void aServiceThatDoesNotAnswerInTimeIs504() throws Exception {
    await(gateway.services().on(Command.SHOW_TICKET, message -> { /* never answers */ }));

    HttpResponse<Buffer> response = gateway.get("/api/tickets/abc");

    assertEquals(504, response.statusCode());
  }

  @Test
  void anUnknownFailureIsAGeneric500ThatRevealsNothing() throws Exception {
    await(gateway.services().on(Command.SHOW_TICKET,
        message -> message.fail(500, "NullPointerException at SecretStore.java:42")));

    HttpResponse<Buffer> response = gateway.get("/api/tickets/abc");

    assertEquals(500, response.statusCode());
    assertEquals(new JsonObject().put("errors", new JsonArray().add(new JsonObject().put("message", "Something went wrong"))),
        response.bodyAsJsonObject());
    assertFalse(response.bodyAsString().contains("Secret"));
  }

  @Test
  void aPageOfTicketsIsAnArrayWithTheNextPageInALinkHeader() throws Exception {
    JsonArray items = new JsonArray().add(new JsonObject().put("id", "t1"));
    await(gateway.services().onListing(items, "c2"));

    HttpResponse<Buffer> response = gateway.get("/api/tickets?limit=1&q=rock%20band");

    assertEquals(200, response.statusCode());
    assertEquals(items, response.bodyAsJsonArray());
    String link = response.getHeader("Link");
    assertEquals(true, link.endsWith("; rel=\"next\""), link);
    assertEquals(true, link.contains("cursor=c2") && link.contains("q=rock+band") && link.contains("limit=1"), link);
    JsonObject sent = (JsonObject) gateway.services().received.get(0).body();
    assertEquals(1, sent.getInteger("limit"));
    assertEquals("rock band", sent.getString("q"));
  }

  @Test
  void identityHeadersComeFromTheVerifiedSessionOnly() throws Exception {
    await(gateway.services().onListing(new JsonArray(), null));
    await(gateway.services().on(Command.CREATE_ORDER, message -> message.reply(new JsonObject())));

    await(gateway.http().get("/api/tickets").putHeader("user-id", "admin").putHeader("user-email", "x@y.z").send());
    HttpResponse<Buffer> response = await(gateway.http().post("/api/orders").putHeader("user-id", "admin")
        .putHeader("Cookie", gateway.session())
        .sendJsonObject(new JsonObject().put("ticketId", "t1")));

    assertEquals(201, response.statusCode());
    assertNull(gateway.services().received.get(0).userId(), "a client header never becomes an identity");
    assertEquals("u1", gateway.services().received.get(1).userId());
    assertEquals("ann@example.com", gateway.services().received.get(1).userEmail());
    assertEquals("127.0.0.1", gateway.services().received.get(1).clientAddress());
  }

  @Test
  void unknownPathsAndMethodsAnswerInTheErrorShape() throws Exception {
    HttpResponse<Buffer> notFound = gateway.get("/api/nothing-here");
    assertEquals(404, notFound.statusCode());
    assertEquals("Not found", notFound.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0).getString("message"));
    assertEquals("nosniff", notFound.getHeader("X-Content-Type-Options"));

    HttpResponse<Buffer> notAllowed = await(gateway.http().delete("/api/users/signup").send());
    assertEquals(405, notAllowed.statusCode());
    assertNotNull(notAllowed.bodyAsJsonObject().getJsonArray("errors"));
  }
}
