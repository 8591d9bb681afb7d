package dev.ticketing.tickets.listeners;

import static dev.ticketing.platform.testing.Blocking.await;
import static dev.ticketing.platform.testing.Blocking.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ticketing.contracts.commands.Command;
import dev.ticketing.contracts.events.OrderCancelled;
import dev.ticketing.contracts.events.ReservationRefused;
import dev.ticketing.platform.delivery.EventListener;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

/** order:created reserves the ticket for that order. */
class ReserveTicketListenerTest extends OrderListenersTestBase {

  @Test
  void reservesAFreeTicket() throws Exception {
    String ticketId = await(aTicket());

    assertEquals("APPLIED", await(deliver(created(ORDER_A, ticketId))));

    JsonObject ticket = await(showTicket(ticketId));
    assertEquals(ORDER_A, ticket.getString("orderId"));
    assertEquals(1L, ticket.getLong("version"));
  }

  @Test
  void aDuplicateIsAcknowledgedWithoutASecondChange() throws Exception {
    String ticketId = await(aTicket());
    await(deliver(created(ORDER_A, ticketId)));

    assertEquals("DUPLICATE", await(deliver(created(ORDER_A, ticketId))));

    JsonObject ticket = await(showTicket(ticketId));
    assertEquals(ORDER_A, ticket.getString("orderId"));
    assertEquals(1L, ticket.getLong("version"));
  }

  @Test
  void aTicketStillHeldByAnotherOrderIsRefusedUntilThatOrderIsCancelled() throws Exception {
    String ticketId = await(aTicket());
    await(deliver(created(ORDER_A, ticketId)));

    assertEquals(EventListener.OUT_OF_ORDER, await(deliverRefused(created(ORDER_B, ticketId))));
    assertEquals(ORDER_A, await(showTicket(ticketId)).getString("orderId"));

    await(deliver(new OrderCancelled(ORDER_A, 1, ticketId)));
    assertEquals("APPLIED", await(deliver(created(ORDER_B, ticketId))));
    JsonObject ticket = await(showTicket(ticketId));
    assertEquals(ORDER_B, ticket.getString("orderId"));
    assertEquals(3L, ticket.getLong("version"), "reserved, released, reserved");
  }

  @Test
  void aTicketWeDoNotHaveYetIsRefused() throws Exception {
    assertEquals(EventListener.OUT_OF_ORDER, await(deliverRefused(created(ORDER_A, new ObjectId().toHexString()))));
  }

  @Test
  void aLateCopyOfACancelledOrdersCreationNeverReservesAgain() throws Exception {
    String ticketId = await(aTicket());
    await(deliver(created(ORDER_A, ticketId)));
    await(deliver(new OrderCancelled(ORDER_A, 1, ticketId)));

    assertEquals("DUPLICATE", await(deliver(created(ORDER_A, ticketId))));

    JsonObject ticket = await(showTicket(ticketId));
    assertNull(ticket.getValue("orderId"), "the cancelled order does not take the ticket back");
    assertEquals(2L, ticket.getLong("version"));
  }

  @Test
  void anOrderPricedBeforeTheSellersEditIsRefusedAndTheOrdersServiceHearsWhy() throws Exception {
    String ticketId = await(aTicket());
    await(send(Command.UPDATE_TICKET, new JsonObject().put("id", ticketId).put("title", "Concert").put("price", 99), ALICE));

    assertEquals("OBSOLETE", await(deliver(pricedAt(ORDER_A, ticketId, 0))));
    eventually("the refusal", Duration.ofSeconds(10), () -> refusedEvents.size() == 1);
    JsonObject ticket = await(showTicket(ticketId));
    assertNull(ticket.getValue("orderId"));
    assertEquals(1L, ticket.getLong("version"), "a refusal is not a change anyone sees");
    assertEquals(new ReservationRefused(ORDER_A, ticketId, 0, 1), ReservationRefused.fromJson(refusedEvents.get(0)));

    assertEquals("APPLIED", await(deliver(pricedAt(ORDER_B, ticketId, 1))),
        "an order priced from the edited version is reserved");
  }
}
