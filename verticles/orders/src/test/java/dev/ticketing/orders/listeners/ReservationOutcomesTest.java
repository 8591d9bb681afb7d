package dev.ticketing.orders.listeners;

import static dev.ticketing.platform.testing.Blocking.await;
import static dev.ticketing.platform.testing.Blocking.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ticketing.contracts.commands.Command;
import dev.ticketing.contracts.events.ConsumerGroup;
import dev.ticketing.contracts.events.OrderCancelled;
import dev.ticketing.contracts.events.ReservationRefused;
import dev.ticketing.contracts.events.Subject;
import dev.ticketing.contracts.money.Money;
import dev.ticketing.orders.testing.OrdersFixture;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the tickets service says back about a reservation, and what orders makes of it. */
class ReservationOutcomesTest {

  @RegisterExtension
  final OrdersFixture orders = OrdersFixture.holdingATicket();

  @Test
  void aRefusedReservationCancelsTheOrderAndFreesTheBuyersSlot() throws Exception {
    JsonObject reply = await(orders.publish(new ReservationRefused(orders.orderId(), orders.ticketId(), 0, 1)));

    assertEquals("APPLIED", reply.getString("outcome"));
    JsonObject stored = await(orders.stored(orders.orderId()));
    assertEquals("cancelled", stored.getString("status"));
    assertEquals("ticket-changed", stored.getString("cancelReason"));
  }

  @Test
  void aTicketShownHeldByACancelledOrderGetsTheCancellationAgain() throws Exception {
    await(orders.cancelOrder(orders.buyer, orders.orderId()));
    await(orders.delivered(orders.orderId()));

    // A very late copy of the order's creation reserved the ticket at the tickets service.
    await(orders.reservationShown(orders.ticketId(), 1, orders.orderId(), orders.seller));

    eventually("the cancellation to go out again", Duration.ofSeconds(5),
        () -> cancellationsToTickets().size() == 2);
    assertEquals(new OrderCancelled(orders.orderId(), 1, orders.ticketId()), OrderCancelled.fromJson(cancellationsToTickets().get(1)));
  }

  @Test
  void aTicketWeHaveNotHeardOfYetIsAskedOfTheTicketsService() throws Exception {
    String fresh = OrdersFixture.newId();
    await(orders.vertx().eventBus().<JsonObject>consumer(Command.SHOW_TICKET.address(), message -> message.reply(new JsonObject()
        .put("id", fresh).put("title", "Just listed").put("price", Money.toMajor(1250)).put("userId", orders.seller)
        .put("version", 0).putNull("orderId").put("sold", false))).completion());

    JsonObject order = await(orders.createOrder(orders.buyer, fresh));

    assertEquals("created", order.getString("status"));
    assertEquals("12.5", order.getJsonObject("ticket").getValue("price").toString());
  }

  private List<JsonObject> cancellationsToTickets() {
    return orders.events.about(orders.orderId(), Subject.ORDER_CANCELLED, ConsumerGroup.TICKETS);
  }
}
