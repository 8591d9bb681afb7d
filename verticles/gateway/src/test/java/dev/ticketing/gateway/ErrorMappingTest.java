package dev.ticketing.gateway;

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
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
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
  void aTypedFailureFromAServiceKeepsItsStatusAndErrors(VertxTestContext test) {
    Validation invalid = Validation.of("title", "Title is required");
    gateway.services().on(Command.CREATE_TICKET, message -> message.fail(400, invalid.toJson().encode()))
        .compose(ready -> gateway.http().post("/api/tickets").putHeader("Cookie", gateway.session())
            .sendJsonObject(new JsonObject().put("title", "").put("price", 10)))
        .onComplete(test.succeeding(response -> test.verify(() -> {
          assertEquals(400, response.statusCode());
          assertEquals(invalid.toJson(), response.bodyAsJsonObject());
          test.completeNow();
        })));
  }

  @Test
  void noServiceListeningIs503(VertxTestContext test) {
    gateway.http().get("/api/tickets").send().onComplete(test.succeeding(response -> test.verify(() -> {
      assertEquals(503, response.statusCode());
      assertNotNull(response.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0).getString("message"));
      test.completeNow();
    })));
  }

  @Test
  void aServiceThatDoesNotAnswerInTimeIs504(VertxTestContext test) {
    gateway.services().on(Command.SHOW_TICKET, message -> { /* never answers */ })
        .compose(ready -> gateway.http().get("/api/tickets/abc").send())
        .onComplete(test.succeeding(response -> test.verify(() -> {
          assertEquals(504, response.statusCode());
          test.completeNow();
        })));
  }

  @Test
  void anUnknownFailureIsAGeneric500ThatRevealsNothing(VertxTestContext test) {
    gateway.services().on(Command.SHOW_TICKET, message -> message.fail(500, "NullPointerException at SecretStore.java:42"))
        .compose(ready -> gateway.http().get("/api/tickets/abc").send())
        .onComplete(test.succeeding(response -> test.verify(() -> {
          assertEquals(500, response.statusCode());
          assertEquals(new JsonObject().put("errors", new JsonArray().add(new JsonObject().put("message", "Something went wrong"))),
              response.bodyAsJsonObject());
          assertFalse(response.bodyAsString().contains("Secret"));
          test.completeNow();
        })));
  }

  @Test
  void aPageOfTicketsIsAnArrayWithTheNextPageInALinkHeader(VertxTestContext test) {
    JsonArray items = new JsonArray().add(new JsonObject().put("id", "t1"));
    gateway.services().onListing(items, "c2")
        .compose(ready -> gateway.http().get("/api/tickets?limit=1&q=rock%20band").send())
        .onComplete(test.succeeding(response -> test.verify(() -> {
          assertEquals(200, response.statusCode());
          assertEquals(items, response.bodyAsJsonArray());
          String link = response.getHeader("Link");
          assertEquals(true, link.endsWith("; rel=\"next\""), link);
          assertEquals(true, link.contains("cursor=c2") && link.contains("q=rock+band") && link.contains("limit=1"), link);
          JsonObject sent = (JsonObject) gateway.services().received.get(0).body();
          assertEquals(1, sent.getInteger("limit"));
          assertEquals("rock band", sent.getString("q"));
          test.completeNow();
        })));
  }

  @Test
  void identityHeadersComeFromTheVerifiedSessionOnly(VertxTestContext test) {
    gateway.services().onListing(new JsonArray(), null)
        .compose(ready -> gateway.services().on(Command.CREATE_ORDER, message -> message.reply(new JsonObject())))
        .compose(ready -> gateway.http().get("/api/tickets").putHeader("user-id", "admin").putHeader("user-email", "x@y.z")
            .send())
        .compose(anonymous -> gateway.http().post("/api/orders").putHeader("user-id", "admin")
            .putHeader("Cookie", gateway.session())
            .sendJsonObject(new JsonObject().put("ticketId", "t1")))
        .onComplete(test.succeeding(response -> test.verify(() -> {
          assertEquals(201, response.statusCode());
          assertNull(gateway.services().received.get(0).userId(), "a client header never becomes an identity");
          assertEquals("u1", gateway.services().received.get(1).userId());
          assertEquals("ann@example.com", gateway.services().received.get(1).userEmail());
          assertEquals("127.0.0.1", gateway.services().received.get(1).clientAddress());
          test.completeNow();
        })));
  }

  @Test
  void unknownPathsAndMethodsAnswerInTheErrorShape(VertxTestContext test) {
    gateway.http().get("/api/nothing-here").send()
        .compose(notFound -> {
          test.verify(() -> {
            assertEquals(404, notFound.statusCode());
            assertEquals("Not found", notFound.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0).getString("message"));
            assertEquals("nosniff", notFound.getHeader("X-Content-Type-Options"));
          });
          return gateway.http().delete("/api/users/signup").send();
        })
        .onComplete(test.succeeding(notAllowed -> test.verify(() -> {
          assertEquals(405, notAllowed.statusCode());
          assertNotNull(notAllowed.bodyAsJsonObject().getJsonArray("errors"));
          test.completeNow();
        })));
  }
}
