package dev.ticketing.tickets.listeners;

import static dev.ticketing.platform.testing.Blocking.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.contracts.events.OrderCompleted;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * order:completed marks the ticket sold; it keeps its order.
 * Applying once, and duplicates: {@link OrderEndingListenersTest}.
 */
class SellTicketListenerTest extends OrderListenersTestBase {

  @Test
  void aCompletionThatFindsTheTicketFreeSellsItToThatOrder() throws Exception {
    // The orders service holds the ticket for a complete order; a lost reservation must not leave it unsold.
    String ticketId = await(aTicket());

    assertEquals("APPLIED", await(deliver(new OrderCompleted(ORDER_A, 1, ticketId))));
    assertEquals("DUPLICATE", await(deliver(created(ORDER_A, ticketId))));

    JsonObject ticket = await(showTicket(ticketId));
    assertTrue(ticket.getBoolean("sold"));
    assertEquals(ORDER_A, ticket.getString("orderId"));
  }

  @Test
  void aCompletionOfAnOrderThatDoesNotHoldTheTicketChangesNothing() throws Exception {
    String ticketId = await(aTicket());
    await(deliver(created(ORDER_A, ticketId)));

    assertEquals("OBSOLETE", await(deliver(new OrderCompleted(ORDER_B, 1, ticketId))));

    JsonObject ticket = await(showTicket(ticketId));
    assertEquals(ORDER_A, ticket.getString("orderId"));
    assertEquals(false, ticket.getBoolean("sold"));
  }
}
