package dev.ticketing.tickets.listeners;

import static dev.ticketing.platform.testing.Blocking.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ticketing.contracts.events.OrderCancelled;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * order:cancelled frees the ticket, but only from the order that holds it.
 * Applying once, and duplicates: {@link OrderEndingListenersTest}.
 */
class ReleaseTicketListenerTest extends OrderListenersTestBase {

  @Test
  void aCancellationThatOvertookItsCreationLeavesTheTicketFreeForGood() throws Exception {
    String ticketId = await(aTicket());

    assertEquals("DUPLICATE", await(deliver(new OrderCancelled(ORDER_A, 1, ticketId))), "nothing to free");
    assertEquals("DUPLICATE", await(deliver(created(ORDER_A, ticketId))), "the cancelled order does not reserve");

    JsonObject ticket = await(showTicket(ticketId));
    assertNull(ticket.getValue("orderId"));
    assertEquals(0L, ticket.getLong("version"));
  }

  @Test
  void aLateCancellationNeverFreesATicketAnotherOrderHolds() throws Exception {
    String ticketId = await(aTicket());
    await(deliver(created(ORDER_A, ticketId)));
    await(deliver(new OrderCancelled(ORDER_A, 1, ticketId)));
    await(deliver(created(ORDER_B, ticketId)));

    assertEquals("DUPLICATE", await(deliver(new OrderCancelled(ORDER_A, 1, ticketId))), "B keeps the ticket");

    JsonObject ticket = await(showTicket(ticketId));
    assertEquals(ORDER_B, ticket.getString("orderId"));
    assertEquals(3L, ticket.getLong("version"));
  }
}
