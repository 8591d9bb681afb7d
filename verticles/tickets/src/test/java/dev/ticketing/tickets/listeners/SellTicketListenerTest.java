package dev.ticketing.tickets.listeners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.contracts.events.OrderCompleted;
import dev.ticketing.platform.delivery.EventListener;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;

/** order:completed marks the ticket sold; it keeps its order. */
class SellTicketListenerTest extends OrderListenersTestBase {

  @Test
  void marksTheTicketOfTheCompletedOrderSold(VertxTestContext test) {
    aTicket()
        .compose(ticketId -> deliver(created(ORDER_A, ticketId))
            .compose(reserved -> deliver(new OrderCompleted(ORDER_A, 1, ticketId)))
            .compose(outcome -> {
              test.verify(() -> assertEquals("APPLIED", outcome));
              return showTicket(ticketId);
            }))
        .onComplete(test.succeeding(ticket -> test.verify(() -> {
          assertTrue(ticket.getBoolean("sold"));
          assertEquals(ORDER_A, ticket.getString("orderId"));
          assertEquals(2L, ticket.getLong("version"));
          test.completeNow();
        })));
  }

  @Test
  void aDuplicateIsAcknowledgedWithoutASecondChange(VertxTestContext test) {
    aTicket()
        .compose(ticketId -> deliver(created(ORDER_A, ticketId))
            .compose(reserved -> deliver(new OrderCompleted(ORDER_A, 1, ticketId)))
            .compose(sold -> deliver(new OrderCompleted(ORDER_A, 1, ticketId)))
            .compose(again -> {
              test.verify(() -> assertEquals("DUPLICATE", again));
              return showTicket(ticketId);
            }))
        .onComplete(test.succeeding(ticket -> test.verify(() -> {
          assertTrue(ticket.getBoolean("sold"));
          assertEquals(2L, ticket.getLong("version"));
          test.completeNow();
        })));
  }

  @Test
  void aCompletionBeforeTheCreationIsRefusedAndAppliedAfterIt(VertxTestContext test) {
    aTicket()
        .compose(ticketId -> deliverRefused(new OrderCompleted(ORDER_A, 1, ticketId))
            .compose(code -> {
              test.verify(() -> assertEquals(EventListener.OUT_OF_ORDER, code));
              return deliver(created(ORDER_A, ticketId));
            })
            .compose(reserved -> deliver(new OrderCompleted(ORDER_A, 1, ticketId)))
            .compose(outcome -> {
              test.verify(() -> assertEquals("APPLIED", outcome));
              return showTicket(ticketId);
            }))
        .onComplete(test.succeeding(ticket -> test.verify(() -> {
          assertTrue(ticket.getBoolean("sold"));
          assertEquals(ORDER_A, ticket.getString("orderId"));
          test.completeNow();
        })));
  }
}
