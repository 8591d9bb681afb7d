package dev.ticketing.tickets.listeners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ticketing.contracts.events.OrderCancelled;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;

/**
 * order:cancelled frees the ticket, but only from the order that holds it.
 * Applying once, and duplicates: {@link OrderEndingListenersTest}.
 */
class ReleaseTicketListenerTest extends OrderListenersTestBase {

  @Test
  void aCancellationThatOvertookItsCreationLeavesTheTicketFreeForGood(VertxTestContext test) {
    aTicket()
        .compose(ticketId -> deliver(new OrderCancelled(ORDER_A, 1, ticketId))
            .compose(outcome -> {
              test.verify(() -> assertEquals("DUPLICATE", outcome, "nothing to free"));
              return deliver(created(ORDER_A, ticketId));
            })
            .compose(lateCreation -> {
              test.verify(() -> assertEquals("DUPLICATE", lateCreation, "the cancelled order does not reserve"));
              return showTicket(ticketId);
            }))
        .onComplete(test.succeeding(ticket -> test.verify(() -> {
          assertNull(ticket.getValue("orderId"));
          assertEquals(0L, ticket.getLong("version"));
          test.completeNow();
        })));
  }

  @Test
  void aLateCancellationNeverFreesATicketAnotherOrderHolds(VertxTestContext test) {
    aTicket()
        .compose(ticketId -> deliver(created(ORDER_A, ticketId))
            .compose(heldByA -> deliver(new OrderCancelled(ORDER_A, 1, ticketId)))
            .compose(released -> deliver(created(ORDER_B, ticketId)))
            .compose(heldByB -> deliver(new OrderCancelled(ORDER_A, 1, ticketId)))
            .compose(outcome -> {
              test.verify(() -> assertEquals("DUPLICATE", outcome, "B keeps the ticket"));
              return showTicket(ticketId);
            }))
        .onComplete(test.succeeding(ticket -> test.verify(() -> {
          assertEquals(ORDER_B, ticket.getString("orderId"));
          assertEquals(3L, ticket.getLong("version"));
          test.completeNow();
        })));
  }
}
