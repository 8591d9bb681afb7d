package dev.ticketing.tickets.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.contracts.commands.Command;
import dev.ticketing.contracts.commands.Service;
import dev.ticketing.contracts.errors.ApiError;
import dev.ticketing.contracts.errors.ApiException;
import dev.ticketing.contracts.events.OrderCompleted;
import dev.ticketing.contracts.events.OrderCreated;
import dev.ticketing.tickets.TicketsTestBase;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxTestContext;
import java.time.Instant;
import java.util.List;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

/** Create, show and edit, exactly as the gateway sends them. */
class TicketCommandsTest extends TicketsTestBase {

  @Test
  void createsATicketAtVersionZeroAndShowsIt(VertxTestContext test) {
    createTicket(ALICE, "  Concert  ", 20.55)
        .compose(created -> {
          test.verify(() -> {
            assertEquals(24, created.getString("id").length());
            assertEquals("Concert", created.getString("title"));
            assertEquals(20.55, created.getValue("price"));
            assertEquals(ALICE, created.getString("userId"));
            assertEquals(0L, created.getLong("version"));
            assertTrue(created.containsKey("orderId"));
            assertNull(created.getValue("orderId"));
            assertFalse(created.getBoolean("sold"));
          });
          return showTicket(created.getString("id")).map(shown -> {
            test.verify(() -> assertEquals(created, shown));
            return shown;
          });
        })
        .compose(shown -> createTicket(ALICE, "Opera", "20"))
        .onComplete(test.succeeding(whole -> test.verify(() -> {
          assertEquals(20L, ((Number) whole.getValue("price")).longValue(), "a whole amount is shown without decimals");
          test.completeNow();
        })));
  }

  @Test
  void creatingNeedsASignedInUser(VertxTestContext test) {
    refusal(Command.CREATE_TICKET, new JsonObject().put("title", "Concert").put("price", 10), null)
        .onComplete(test.succeeding(failure -> test.verify(() -> {
          assertEquals(401, failure.status());
          test.completeNow();
        })));
  }

  @Test
  void invalidInputIsRefusedWithEveryFieldError(VertxTestContext test) {
    refusal(Command.CREATE_TICKET, new JsonObject().put("title", " ").put("price", -5), ALICE)
        .onComplete(test.succeeding(failure -> test.verify(() -> {
          assertEquals(400, failure.status());
          assertEquals(List.of(new ApiError("Title is required", "title"), new ApiError("Price must be greater than 0", "price")),
              failure.errors());
          test.completeNow();
        })));
  }

  @Test
  void theOwnerEditsTitleAndPrice(VertxTestContext test) {
    createTicket(ALICE, "Concert", 10)
        .compose(created -> send(Command.UPDATE_TICKET, edit(created.getString("id"), "Concert (moved)", "12.5"), ALICE))
        .onComplete(test.succeeding(updated -> test.verify(() -> {
          assertEquals("Concert (moved)", updated.getString("title"));
          assertEquals(12.5, updated.getValue("price"));
          assertEquals(1L, updated.getLong("version"));
          test.completeNow();
        })));
  }

  @Test
  void someoneElseCannotEdit(VertxTestContext test) {
    createTicket(ALICE, "Concert", 10)
        .compose(created -> refusal(Command.UPDATE_TICKET, edit(created.getString("id"), "Mine now", 1), BOB)
            .compose(failure -> {
              test.verify(() -> {
                assertEquals(403, failure.status());
                assertEquals("You do not own this ticket", failure.getMessage());
              });
              return showTicket(created.getString("id"));
            }))
        .onComplete(test.succeeding(unchanged -> test.verify(() -> {
          assertEquals("Concert", unchanged.getString("title"));
          assertEquals(0L, unchanged.getLong("version"));
          test.completeNow();
        })));
  }

  @Test
  void unknownAndMalformedIdsAreNotFound(VertxTestContext test) {
    String unknown = new ObjectId().toHexString();
    Future.all(List.of(
            refusal(Command.UPDATE_TICKET, edit(unknown, "Concert", 10), ALICE),
            refusal(Command.UPDATE_TICKET, edit("not-an-id", "Concert", 10), ALICE),
            refusal(Command.SHOW_TICKET, new JsonObject().put("id", unknown), null),
            refusal(Command.SHOW_TICKET, new JsonObject().put("id", "{\"$gt\": \"\"}"), null),
            refusal(Command.SHOW_TICKET, new JsonObject().put("id", unknown.toUpperCase()), null),
            refusal(Command.SHOW_TICKET, new JsonObject(), null)))
        .onComplete(test.succeeding(all -> test.verify(() -> {
          for (int i = 0; i < all.size(); i++) {
            ApiException failure = all.resultAt(i);
            assertEquals(404, failure.status(), "case " + i);
            assertEquals("Ticket not found", failure.getMessage());
          }
          test.completeNow();
        })));
  }

  @Test
  void editingIsValidatedLikeCreating(VertxTestContext test) {
    createTicket(ALICE, "Concert", 10)
        .compose(created -> refusal(Command.UPDATE_TICKET, edit(created.getString("id"), "x".repeat(201), "10.123"), ALICE))
        .onComplete(test.succeeding(failure -> test.verify(() -> {
          assertEquals(400, failure.status());
          assertEquals(List.of("title", "price"), failure.errors().stream().map(ApiError::field).toList());
          test.completeNow();
        })));
  }

  @Test
  void aReservedTicketCannotBeEdited(VertxTestContext test) {
    createTicket(ALICE, "Concert", 10)
        .compose(created -> deliver(orderFor(created)).map(created))
        .compose(reserved -> refusal(Command.UPDATE_TICKET, edit(reserved.getString("id"), "Cheaper", 5), ALICE))
        .onComplete(test.succeeding(failure -> test.verify(() -> {
          assertEquals(400, failure.status());
          assertEquals("Cannot edit a reserved ticket", failure.getMessage());
          test.completeNow();
        })));
  }

  @Test
  void aSoldTicketCannotBeEdited(VertxTestContext test) {
    createTicket(ALICE, "Concert", 10)
        .compose(created -> {
          OrderCreated order = orderFor(created);
          return deliver(order)
              .compose(reserved -> deliver(new OrderCompleted(order.id(), 1, order.ticketId())))
              .compose(sold -> refusal(Command.UPDATE_TICKET, edit(created.getString("id"), "Cheaper", 5), ALICE));
        })
        .onComplete(test.succeeding(failure -> test.verify(() -> {
          assertEquals(400, failure.status());
          assertEquals("Cannot edit a reserved ticket", failure.getMessage());
          test.completeNow();
        })));
  }

  @Test
  void answersReadinessPings(VertxTestContext test) {
    vertx.eventBus().<JsonObject>request(Service.TICKETS.pingAddress(), new JsonObject())
        .onComplete(test.succeeding(reply -> test.verify(() -> {
          assertEquals("UP", reply.body().getString("status"));
          test.completeNow();
        })));
  }

  private static JsonObject edit(String id, String title, Object price) {
    return new JsonObject().put("id", id).put("title", title).put("price", price);
  }

  static OrderCreated orderFor(JsonObject ticket) {
    return new OrderCreated(new ObjectId().toHexString(), 0, "created", BOB, Instant.now().plusSeconds(900),
        ticket.getString("id"), 1000, ticket.getLong("version"));
  }
}
