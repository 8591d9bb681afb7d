package dev.ticketing.tickets.listeners;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ticketing.contracts.events.OrderCancelled;
import dev.ticketing.platform.delivery.EventListener;
import io.vertx.junit5.VertxTestContext;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

/** order:created reserves the ticket for that order. */
class ReserveTicketListenerTest extends OrderListenersTestBase {

  @Test
  void reservesAFreeTicket(VertxTestContext test) {
    aTicket()
        .compose(ticketId -> deliver(created(ORDER_A, ticketId))
            .compose(outcome -> {
              test.verify(() -> assertEquals("APPLIED", outcome));
              return showTicket(ticketId);
            }))
        .onComplete(test.succeeding(ticket -> test.verify(() -> {
          assertEquals(ORDER_A, ticket.getString("orderId"));
          assertEquals(1L, ticket.getLong("version"));
          test.completeNow();
        })));
  }

  @Test
  void aDuplicateIsAcknowledgedWithoutASecondChange(VertxTestContext test) {
    aTicket()
        .compose(ticketId -> deliver(created(ORDER_A, ticketId))
            .compose(first -> deliver(created(ORDER_A, ticketId)))
            .compose(again -> {
              test.verify(() -> assertEquals("DUPLICATE", again));
              return showTicket(ticketId);
            }))
        .onComplete(test.succeeding(ticket -> test.verify(() -> {
          assertEquals(ORDER_A, ticket.getString("orderId"));
          assertEquals(1L, ticket.getLong("version"));
          test.completeNow();
        })));
  }

  @Test
  void aTicketStillHeldByAnotherOrderIsRefusedUntilThatOrderIsCancelled(VertxTestContext test) {
    aTicket()
        .compose(ticketId -> deliver(created(ORDER_A, ticketId))
            .compose(heldByA -> deliverRefused(created(ORDER_B, ticketId)))
            .compose(code -> {
              test.verify(() -> assertEquals(EventListener.OUT_OF_ORDER, code));
              return showTicket(ticketId);
            })
            .compose(stillA -> {
              test.verify(() -> assertEquals(ORDER_A, stillA.getString("orderId")));
              return deliver(new OrderCancelled(ORDER_A, 1, ticketId));
            })
            .compose(released -> deliver(created(ORDER_B, ticketId)))
            .compose(outcome -> {
              test.verify(() -> assertEquals("APPLIED", outcome));
              return showTicket(ticketId);
            }))
        .onComplete(test.succeeding(ticket -> test.verify(() -> {
          assertEquals(ORDER_B, ticket.getString("orderId"));
          assertEquals(3L, ticket.getLong("version"), "reserved, released, reserved");
          test.completeNow();
        })));
  }

  @Test
  void aTicketWeDoNotHaveYetIsRefused(VertxTestContext test) {
    deliverRefused(created(ORDER_A, new ObjectId().toHexString()))
        .onComplete(test.succeeding(code -> test.verify(() -> {
          assertEquals(EventListener.OUT_OF_ORDER, code);
          test.completeNow();
        })));
  }

  @Test
  void aRedeliveryAfterACrashBetweenTheTwoWritesRecordsTheVersionOnly(VertxTestContext test) {
    aTicket()
        .compose(ticketId -> deliver(created(ORDER_A, ticketId))
            .compose(applied -> rewindOrderVersion(ORDER_A, null))
            .compose(crashed -> deliver(created(ORDER_A, ticketId)))
            .compose(outcome -> {
              test.verify(() -> assertEquals("APPLIED", outcome));
              return showTicket(ticketId);
            })
            .compose(ticket -> {
              test.verify(() -> assertEquals(1L, ticket.getLong("version"), "the ticket is not changed twice"));
              return deliver(created(ORDER_A, ticketId));
            }))
        .onComplete(test.succeeding(outcome -> test.verify(() -> {
          assertEquals("DUPLICATE", outcome, "the version is recorded now");
          test.completeNow();
        })));
  }
}
