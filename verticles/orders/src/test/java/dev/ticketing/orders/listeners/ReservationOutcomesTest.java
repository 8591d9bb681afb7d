package dev.ticketing.orders.listeners;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ticketing.contracts.commands.Command;
import dev.ticketing.contracts.events.ConsumerGroup;
import dev.ticketing.contracts.events.OrderCancelled;
import dev.ticketing.contracts.events.ReservationRefused;
import dev.ticketing.contracts.events.Subject;
import dev.ticketing.contracts.money.Money;
import dev.ticketing.orders.testing.OrdersFixture;
import dev.ticketing.platform.testing.Eventually;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the tickets service says back about a reservation, and what orders makes of it. */
@ExtendWith(VertxExtension.class)
class ReservationOutcomesTest {

  @RegisterExtension
  final OrdersFixture orders = OrdersFixture.holdingATicket();

  @Test
  void aRefusedReservationCancelsTheOrderAndFreesTheBuyersSlot(VertxTestContext test) {
    orders.publish(new ReservationRefused(orders.orderId(), orders.ticketId(), 0, 1))
        .compose(reply -> {
          test.verify(() -> assertEquals("APPLIED", reply.getString("outcome")));
          return orders.stored(orders.orderId());
        })
        .onComplete(test.succeeding(stored -> test.verify(() -> {
          assertEquals("cancelled", stored.getString("status"));
          assertEquals("ticket-changed", stored.getString("cancelReason"));
          test.completeNow();
        })));
  }

  @Test
  void aTicketShownHeldByACancelledOrderGetsTheCancellationAgain(VertxTestContext test) {
    orders.cancelOrder(orders.buyer, orders.orderId())
        .compose(cancelled -> orders.delivered(orders.orderId()))
        // A very late copy of the order's creation reserved the ticket at the tickets service.
        .compose(delivered -> orders.reservationShown(orders.ticketId(), 1, orders.orderId(), orders.seller))
        .compose(shown -> Eventually.await(orders.vertx(), 5_000, "the cancellation to go out again", () -> Future.succeededFuture(
            orders.events.about(orders.orderId(), Subject.ORDER_CANCELLED, ConsumerGroup.TICKETS).size() == 2)))
        .onComplete(test.succeeding(announced -> test.verify(() -> {
          assertEquals(new OrderCancelled(orders.orderId(), 1, orders.ticketId()), OrderCancelled.fromJson(
              orders.events.about(orders.orderId(), Subject.ORDER_CANCELLED, ConsumerGroup.TICKETS).get(1)));
          test.completeNow();
        })));
  }

  @Test
  void aTicketWeHaveNotHeardOfYetIsAskedOfTheTicketsService(VertxTestContext test) {
    String fresh = OrdersFixture.newId();
    orders.vertx().eventBus().<JsonObject>consumer(Command.SHOW_TICKET.address(), message -> message.reply(new JsonObject()
        .put("id", fresh).put("title", "Just listed").put("price", Money.toMajor(1250)).put("userId", orders.seller)
        .put("version", 0).putNull("orderId").put("sold", false))).completion()
        .compose(tickets -> orders.createOrder(orders.buyer, fresh))
        .onComplete(test.succeeding(order -> test.verify(() -> {
          assertEquals("created", order.getString("status"));
          assertEquals("12.5", order.getJsonObject("ticket").getValue("price").toString());
          test.completeNow();
        })));
  }
}
