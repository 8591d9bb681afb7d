package dev.ticketing.tickets.listeners;

import static dev.ticketing.platform.testing.Blocking.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ticketing.contracts.commands.Command;
import dev.ticketing.contracts.events.OrderCancelled;
import dev.ticketing.contracts.events.ReservationRefused;
import dev.ticketing.platform.delivery.EventListener;
import dev.ticketing.platform.testing.Eventually;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxTestContext;
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
  void aLateCopyOfACancelledOrdersCreationNeverReservesAgain(VertxTestContext test) {
    aTicket()
        .compose(ticketId -> deliver(created(ORDER_A, ticketId))
            .compose(reserved -> deliver(new OrderCancelled(ORDER_A, 1, ticketId)))
            .compose(released -> deliver(created(ORDER_A, ticketId)))
            .compose(outcome -> {
              test.verify(() -> assertEquals("DUPLICATE", outcome));
              return showTicket(ticketId);
            }))
        .onComplete(test.succeeding(ticket -> test.verify(() -> {
          assertNull(ticket.getValue("orderId"), "the cancelled order does not take the ticket back");
          assertEquals(2L, ticket.getLong("version"));
          test.completeNow();
        })));
  }

  @Test
  void anOrderPricedBeforeTheSellersEditIsRefusedAndTheOrdersServiceHearsWhy(VertxTestContext test) {
    aTicket()
        .compose(ticketId -> send(Command.UPDATE_TICKET, new JsonObject().put("id", ticketId).put("title", "Concert")
                .put("price", 99), ALICE)
            .compose(edited -> deliver(pricedAt(ORDER_A, ticketId, 0)))
            .compose(outcome -> {
              test.verify(() -> assertEquals("OBSOLETE", outcome));
              return Eventually.await(vertx, 10_000, "the refusal", () -> Future.succeededFuture(refusedEvents.size() == 1));
            })
            .compose(refused -> showTicket(ticketId))
            .compose(ticket -> {
              test.verify(() -> {
                assertNull(ticket.getValue("orderId"));
                assertEquals(1L, ticket.getLong("version"), "a refusal is not a change anyone sees");
                assertEquals(new ReservationRefused(ORDER_A, ticketId, 0, 1), ReservationRefused.fromJson(refusedEvents.get(0)));
              });
              return deliver(pricedAt(ORDER_B, ticketId, 1));
            }))
        .onComplete(test.succeeding(outcome -> test.verify(() -> {
          assertEquals("APPLIED", outcome, "an order priced from the edited version is reserved");
          test.completeNow();
        })));
  }
}
