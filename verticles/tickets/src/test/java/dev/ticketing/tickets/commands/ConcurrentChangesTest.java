package dev.ticketing.tickets.commands;

import static dev.ticketing.platform.testing.Blocking.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.contracts.commands.Command;
import dev.ticketing.contracts.errors.ApiException;
import dev.ticketing.contracts.events.OrderCreated;
import dev.ticketing.tickets.TicketsTestBase;
import io.vertx.core.CompositeFuture;
import io.vertx.core.Future;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Writes that race on one ticket: each applies on top of the other or is refused, none is lost. */
class ConcurrentChangesTest extends TicketsTestBase {

  @Test
  void concurrentEditsAllApplyOneAfterAnother() throws Exception {
    String id = await(createTicket(ALICE, "Concert", 10)).getString("id");

    CompositeFuture edits = await(Future.all(IntStream.rangeClosed(1, 4)
        .mapToObj(i -> send(Command.UPDATE_TICKET, edit(id, "Edit " + i, i), ALICE))
        .toList()));

    Set<Long> versions = edits.<JsonObject>list().stream().map(edit -> edit.getLong("version")).collect(Collectors.toSet());
    assertEquals(Set.of(1L, 2L, 3L, 4L), versions, "every edit got its own version");
  }

  @RepeatedTest(5)
  void anEditRacingAReservationEitherComesFirstAndVoidsItOrIsRefused() throws Exception {
    JsonObject created = await(createTicket(ALICE, "Concert", 10));
    String id = created.getString("id");
    OrderCreated order = TicketCommandsTest.orderFor(created); // priced from version 0

    Future<JsonObject> edit = send(Command.UPDATE_TICKET, edit(id, "Cheaper", 5), ALICE);
    Future<String> reservation = deliver(order);
    await(Future.join(edit, reservation).otherwiseEmpty()); // both answered, whichever of them failed

    JsonObject ticket = await(showTicket(id));
    assertTrue(reservation.succeeded(), "the reservation is always answered");
    if (edit.succeeded()) { // the edit came first: the order's price is stale, so it holds nothing
      assertEquals("OBSOLETE", reservation.result());
      assertEquals(1L, edit.result().getLong("version"));
      assertEquals("Cheaper", ticket.getString("title"));
      assertEquals(null, ticket.getString("orderId"));
      assertEquals(1L, ticket.getLong("version"));
    } else { // the reservation came first; the edit, read again, found the ticket reserved
      assertEquals("APPLIED", reservation.result());
      ReplyException refused = (ReplyException) edit.cause();
      assertEquals("Cannot edit a reserved ticket",
          ApiException.fromWire(refused.failureCode(), refused.getMessage()).getMessage());
      assertEquals(order.id(), ticket.getString("orderId"));
      assertEquals("Concert", ticket.getString("title"));
      assertEquals(1L, ticket.getLong("version"));
    }
  }

  private static JsonObject edit(String id, String title, Object price) {
    return new JsonObject().put("id", id).put("title", title).put("price", price);
  }
}
