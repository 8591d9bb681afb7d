package dev.ticketing.tickets.commands;

import static dev.ticketing.platform.testing.Blocking.await;
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
import io.vertx.core.CompositeFuture;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

/** Create, show and edit, exactly as the gateway sends them. */
class TicketCommandsTest extends TicketsTestBase {

  @Test
  void createsATicketAtVersionZeroAndShowsIt() throws Exception {
    JsonObject created = await(createTicket(ALICE, "  Concert  ", 20.55));

    assertEquals(24, created.getString("id").length());
    assertEquals("Concert", created.getString("title"));
    assertEquals(20.55, created.getValue("price"));
    assertEquals(ALICE, created.getString("userId"));
    assertEquals(0L, created.getLong("version"));
    assertTrue(created.containsKey("orderId"));
    assertNull(created.getValue("orderId"));
    assertFalse(created.getBoolean("sold"));
    assertEquals(created, await(showTicket(created.getString("id"))));
    JsonObject whole = await(createTicket(ALICE, "Opera", "20"));
    assertEquals(20L, ((Number) whole.getValue("price")).longValue(), "a whole amount is shown without decimals");
  }

  @Test
  void creatingNeedsASignedInUser() throws Exception {
    ApiException failure = await(refusal(Command.CREATE_TICKET, new JsonObject().put("title", "Concert").put("price", 10), null));

    assertEquals(401, failure.status());
  }

  @Test
  void invalidInputIsRefusedWithEveryFieldError() throws Exception {
    ApiException failure = await(refusal(Command.CREATE_TICKET, new JsonObject().put("title", " ").put("price", -5), ALICE));

    assertEquals(400, failure.status());
    assertEquals(List.of(new ApiError("Title is required", "title"), new ApiError("Price must be greater than 0", "price")),
        failure.errors());
  }

  @Test
  void theOwnerEditsTitleAndPrice() throws Exception {
    String id = await(createTicket(ALICE, "Concert", 10)).getString("id");

    JsonObject updated = await(send(Command.UPDATE_TICKET, edit(id, "Concert (moved)", "12.5"), ALICE));

    assertEquals("Concert (moved)", updated.getString("title"));
    assertEquals(12.5, updated.getValue("price"));
    assertEquals(1L, updated.getLong("version"));
  }

  @Test
  void someoneElseCannotEdit() throws Exception {
    String id = await(createTicket(ALICE, "Concert", 10)).getString("id");

    ApiException failure = await(refusal(Command.UPDATE_TICKET, edit(id, "Mine now", 1), BOB));

    assertEquals(403, failure.status());
    assertEquals("You do not own this ticket", failure.getMessage());
    JsonObject unchanged = await(showTicket(id));
    assertEquals("Concert", unchanged.getString("title"));
    assertEquals(0L, unchanged.getLong("version"));
  }

  @Test
  void unknownAndMalformedIdsAreNotFound() throws Exception {
    String unknown = new ObjectId().toHexString();

    CompositeFuture all = await(Future.all(List.of(
        refusal(Command.UPDATE_TICKET, edit(unknown, "Concert", 10), ALICE),
        refusal(Command.UPDATE_TICKET, edit("not-an-id", "Concert", 10), ALICE),
        refusal(Command.SHOW_TICKET, new JsonObject().put("id", unknown), null),
        refusal(Command.SHOW_TICKET, new JsonObject().put("id", "{\"$gt\": \"\"}"), null),
        refusal(Command.SHOW_TICKET, new JsonObject().put("id", unknown.toUpperCase()), null),
        refusal(Command.SHOW_TICKET, new JsonObject(), null))));

    for (int i = 0; i < all.size(); i++) {
      ApiException failure = all.resultAt(i);
      assertEquals(404, failure.status(), "case " + i);
      assertEquals("Ticket not found", failure.getMessage());
    }
  }

  @Test
  void editingIsValidatedLikeCreating() throws Exception {
    String id = await(createTicket(ALICE, "Concert", 10)).getString("id");

    ApiException failure = await(refusal(Command.UPDATE_TICKET, edit(id, "x".repeat(201), "10.123"), ALICE));

    assertEquals(400, failure.status());
    assertEquals(List.of("title", "price"), failure.errors().stream().map(ApiError::field).toList());
  }

  @Test
  void aReservedTicketCannotBeEdited() throws Exception {
    JsonObject created = await(createTicket(ALICE, "Concert", 10));
    await(deliver(orderFor(created)));

    ApiException failure = await(refusal(Command.UPDATE_TICKET, edit(created.getString("id"), "Cheaper", 5), ALICE));

    assertEquals(400, failure.status());
    assertEquals("Cannot edit a reserved ticket", failure.getMessage());
  }

  @Test
  void aSoldTicketCannotBeEdited() throws Exception {
    JsonObject created = await(createTicket(ALICE, "Concert", 10));
    OrderCreated order = orderFor(created);
    await(deliver(order));
    await(deliver(new OrderCompleted(order.id(), 1, order.ticketId())));

    ApiException failure = await(refusal(Command.UPDATE_TICKET, edit(created.getString("id"), "Cheaper", 5), ALICE));

    assertEquals(400, failure.status());
    assertEquals("Cannot edit a reserved ticket", failure.getMessage());
  }

  @Test
  void answersReadinessPings() throws Exception {
    JsonObject reply = await(vertx.eventBus().<JsonObject>request(Service.TICKETS.pingAddress(), new JsonObject())).body();

    assertEquals("UP", reply.getString("status"));
  }

  private static JsonObject edit(String id, String title, Object price) {
    return new JsonObject().put("id", id).put("title", title).put("price", price);
  }

  static OrderCreated orderFor(JsonObject ticket) {
    return new OrderCreated(new ObjectId().toHexString(), 0, "created", BOB, Instant.now().plusSeconds(900),
        ticket.getString("id"), 1000, ticket.getLong("version"));
  }
}
