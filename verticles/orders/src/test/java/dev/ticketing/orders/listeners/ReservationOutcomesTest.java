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
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the tickets service says back about a reservation, and what orders makes of it. */
@ExtendWith(VertxExtension.class)
class ReservationOutcomesTest {

  @RegisterExtension
  final OrdersFixture orders = new OrdersFixture();
  private final String buyer = OrdersFixture.newId();
  private final String seller = OrdersFixture.newId();
  private Vertx vertx;
  private String ticketId;
  private String orderId;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext test) {
    this.vertx = vertx;
    orders.startHolding(vertx, buyer, seller)
        .onSuccess(held -> {
          ticketId = held.ticketId();
          orderId = held.orderId();
        })
        .onComplete(test.succeedingThenComplete());
  }

  @Test
  void aRefusedReservationCancelsTheOrderAndFreesTheBuyersSlot(VertxTestContext test) {
    orders.publish(new ReservationRefused(orderId, ticketId, 0, 1))
        .compose(reply -> {
          test.verify(() -> assertEquals("APPLIED", reply.getString("outcome")));
          return orders.stored(orderId);
        })
        .onComplete(test.succeeding(stored -> test.verify(() -> {
          assertEquals("cancelled", stored.getString("status"));
          assertEquals("ticket-changed", stored.getString("cancelReason"));
          test.completeNow();
        })));
  }

  @Test
  void aTicketShownHeldByACancelledOrderGetsTheCancellationAgain(VertxTestContext test) {
    orders.cancelOrder(buyer, orderId)
        .compose(cancelled -> orders.delivered(orderId))
        // A very late copy of the order's creation reserved the ticket at the tickets service.
        .compose(delivered -> orders.reservationShown(ticketId, 1, orderId, seller))
        .compose(shown -> Eventually.await(vertx, 5_000, "the cancellation to go out again", () -> Future.succeededFuture(
            orders.events.about(orderId, Subject.ORDER_CANCELLED, ConsumerGroup.TICKETS).size() == 2)))
        .onComplete(test.succeeding(announced -> test.verify(() -> {
          assertEquals(new OrderCancelled(orderId, 1, ticketId), OrderCancelled.fromJson(
              orders.events.about(orderId, Subject.ORDER_CANCELLED, ConsumerGroup.TICKETS).get(1)));
          test.completeNow();
        })));
  }

  @Test
  void aTicketWeHaveNotHeardOfYetIsAskedOfTheTicketsService(VertxTestContext test) {
    String fresh = OrdersFixture.newId();
    vertx.eventBus().<JsonObject>consumer(Command.SHOW_TICKET.address(), message -> message.reply(new JsonObject()
        .put("id", fresh).put("title", "Just listed").put("price", Money.toMajor(1250)).put("userId", seller)
        .put("version", 0).putNull("orderId").put("sold", false))).completion()
        .compose(tickets -> orders.createOrder(buyer, fresh))
        .onComplete(test.succeeding(order -> test.verify(() -> {
          assertEquals("created", order.getString("status"));
          assertEquals("12.5", order.getJsonObject("ticket").getValue("price").toString());
          test.completeNow();
        })));
  }
}
