package dev.ticketing.tickets.listeners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.contracts.events.OrderCompleted;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;

/**
 * order:completed marks the ticket sold; it keeps its order.
 * Applying once, and duplicates: {@link OrderEndingListenersTest}.
 */
class SellTicketListenerTest extends OrderListenersTestBase {

  @Test
  void aCompletionThatFindsTheTicketFreeSellsItToThatOrder(VertxTestContext test) {
    // The orders service holds the ticket for a complete order; a lost reservation must not leave it unsold.
    aTicket()
        .compose(ticketId -> deliver(new OrderCompleted(ORDER_A, 1, ticketId))
            .compose(outcome -> {
              test.verify(() -> assertEquals("APPLIED", outcome));
              return deliver(created(ORDER_A, ticketId));
            })
            .compose(lateCreation -> {
              test.verify(() -> assertEquals("DUPLICATE", lateCreation));
              return showTicket(ticketId);
            }))
        .onComplete(test.succeeding(ticket -> test.verify(() -> {
          assertTrue(ticket.getBoolean("sold"));
          assertEquals(ORDER_A, ticket.getString("orderId"));
          test.completeNow();
        })));
  }

  @Test
  void aCompletionOfAnOrderThatDoesNotHoldTheTicketChangesNothing(VertxTestContext test) {
    aTicket()
        .compose(ticketId -> deliver(created(ORDER_A, ticketId))
            .compose(heldByA -> deliver(new OrderCompleted(ORDER_B, 1, ticketId)))
            .compose(outcome -> {
              test.verify(() -> assertEquals("OBSOLETE", outcome));
              return showTicket(ticketId);
            }))
        .onComplete(test.succeeding(ticket -> test.verify(() -> {
          assertEquals(ORDER_A, ticket.getString("orderId"));
          assertEquals(false, ticket.getBoolean("sold"));
          test.completeNow();
        })));
  }
}
