package dev.ticketing.tickets.listeners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ticketing.contracts.events.OrderCancelled;
import dev.ticketing.platform.delivery.EventListener;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;

/** order:cancelled frees the ticket, but only from the order that holds it. */
class ReleaseTicketListenerTest extends OrderListenersTestBase {

  @Test
  void releasesTheTicketOfTheCancelledOrder(VertxTestContext test) {
    aTicket()
        .compose(ticketId -> deliver(created(ORDER_A, ticketId))
            .compose(reserved -> deliver(new OrderCancelled(ORDER_A, 1, ticketId)))
            .compose(outcome -> {
              test.verify(() -> assertEquals("APPLIED", outcome));
              return showTicket(ticketId);
            }))
        .onComplete(test.succeeding(ticket -> test.verify(() -> {
          assertNull(ticket.getValue("orderId"));
          assertEquals(2L, ticket.getLong("version"));
          test.completeNow();
        })));
  }

  @Test
  void aDuplicateIsAcknowledgedWithoutASecondChange(VertxTestContext test) {
    aTicket()
        .compose(ticketId -> deliver(created(ORDER_A, ticketId))
            .compose(reserved -> deliver(new OrderCancelled(ORDER_A, 1, ticketId)))
            .compose(released -> deliver(new OrderCancelled(ORDER_A, 1, ticketId)))
            .compose(again -> {
              test.verify(() -> assertEquals("DUPLICATE", again));
              return showTicket(ticketId);
            }))
        .onComplete(test.succeeding(ticket -> test.verify(() -> {
          assertEquals(2L, ticket.getLong("version"));
          test.completeNow();
        })));
  }

  @Test
  void aCancellationBeforeTheCreationIsRefusedAndAppliedAfterIt(VertxTestContext test) {
    aTicket()
        .compose(ticketId -> deliverRefused(new OrderCancelled(ORDER_A, 1, ticketId))
            .compose(code -> {
              test.verify(() -> assertEquals(EventListener.OUT_OF_ORDER, code));
              return showTicket(ticketId);
            })
            .compose(untouched -> {
              test.verify(() -> assertEquals(0L, untouched.getLong("version")));
              return deliver(created(ORDER_A, ticketId));
            })
            .compose(reserved -> deliver(new OrderCancelled(ORDER_A, 1, ticketId)))
            .compose(outcome -> {
              test.verify(() -> assertEquals("APPLIED", outcome));
              return showTicket(ticketId);
            }))
        .onComplete(test.succeeding(ticket -> test.verify(() -> {
          assertNull(ticket.getValue("orderId"));
          assertEquals(2L, ticket.getLong("version"));
          test.completeNow();
        })));
  }

  @Test
  void aLateCancellationNeverFreesATicketAnotherOrderHolds(VertxTestContext test) {
    aTicket()
        .compose(ticketId -> deliver(created(ORDER_A, ticketId))
            .compose(heldByA -> deliver(new OrderCancelled(ORDER_A, 1, ticketId)))
            .compose(released -> deliver(created(ORDER_B, ticketId)))
            // A's cancellation comes again as if a crash had kept its version from being recorded.
            .compose(heldByB -> rewindOrderVersion(ORDER_A, 0L))
            .compose(forgotten -> deliver(new OrderCancelled(ORDER_A, 1, ticketId)))
            .compose(outcome -> {
              test.verify(() -> assertEquals("APPLIED", outcome, "recorded, but B keeps the ticket"));
              return showTicket(ticketId);
            }))
        .onComplete(test.succeeding(ticket -> test.verify(() -> {
          assertEquals(ORDER_B, ticket.getString("orderId"));
          assertEquals(3L, ticket.getLong("version"));
          test.completeNow();
        })));
  }
}
