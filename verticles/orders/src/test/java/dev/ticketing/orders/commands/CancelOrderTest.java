package dev.ticketing.orders.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.contracts.commands.Command;
import dev.ticketing.contracts.errors.ApiException;
import dev.ticketing.contracts.events.ConsumerGroup;
import dev.ticketing.contracts.events.OrderCancelled;
import dev.ticketing.contracts.events.PaymentCreated;
import dev.ticketing.contracts.events.Subject;
import dev.ticketing.orders.testing.OrdersFixture;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@ExtendWith(VertxExtension.class)
class CancelOrderTest {

  @RegisterExtension
  final OrdersFixture orders = OrdersFixture.holdingATicket();

  @Test
  void cancellingReleasesTheTicketAndTellsTicketsAndPayments(VertxTestContext test) {
    orders.cancelOrder(orders.buyer, orders.orderId())
        .compose(reply -> {
          test.verify(() -> assertEquals(new JsonObject(), reply));
          return orders.showOrder(orders.buyer, orders.orderId());
        })
        .compose(order -> {
          test.verify(() -> {
            assertEquals("cancelled", order.getString("status"));
            assertEquals(1L, order.getLong("version"));
          });
          return orders.delivered(orders.orderId()).compose(delivered -> orders.stored(orders.orderId()));
        })
        .onComplete(test.succeeding(stored -> test.verify(() -> {
          assertFalse(stored.containsKey("ticketHold"), "the ticket is released");
          assertFalse(stored.containsKey("userHold"), "the hold slot is released");
          for (ConsumerGroup group : new ConsumerGroup[] {ConsumerGroup.TICKETS, ConsumerGroup.PAYMENTS}) {
            assertEquals(1, orders.events.about(orders.orderId(), Subject.ORDER_CANCELLED, group).size());
            assertEquals(new OrderCancelled(orders.orderId(), 1, orders.ticketId()),
                OrderCancelled.fromJson(orders.events.about(orders.orderId(), Subject.ORDER_CANCELLED, group).get(0)));
          }
          test.completeNow();
        })));
  }

  @Test
  void cancellingTwiceSucceedsWithOneEvent(VertxTestContext test) {
    orders.cancelOrder(orders.buyer, orders.orderId())
        .compose(first -> orders.delivered(orders.orderId()))
        .compose(delivered -> orders.cancelOrder(orders.buyer, orders.orderId()))
        .compose(second -> orders.stored(orders.orderId()))
        .onComplete(test.succeeding(stored -> test.verify(() -> {
          assertEquals(1L, stored.getLong("version"), "no second change");
          assertTrue(stored.getJsonArray("outbox").isEmpty(), "no second event");
          assertEquals(1, orders.events.about(orders.orderId(), Subject.ORDER_CANCELLED, ConsumerGroup.TICKETS).size());
          test.completeNow();
        })));
  }

  @Test
  void aCompleteOrderCannotBeCancelled(VertxTestContext test) {
    orders.publish(new PaymentCreated(OrdersFixture.newId(), orders.orderId(), "pi_123"))
        .compose(paid -> orders.refusal(Command.CANCEL_ORDER, orders.buyer, new JsonObject().put("id", orders.orderId())))
        .compose(refused -> {
          test.verify(() -> {
            assertEquals(400, refused.status());
            assertEquals("Cannot cancel a complete order", refused.errors().get(0).message());
          });
          return orders.showOrder(orders.buyer, orders.orderId());
        })
        .onComplete(test.succeeding(order -> test.verify(() -> {
          assertEquals("complete", order.getString("status"));
          test.completeNow();
        })));
  }

  @Test
  void onlyTheBuyerCancelsAndOnlyOrdersThatExist(VertxTestContext test) {
    Future.all(
            orders.refusal(Command.CANCEL_ORDER, OrdersFixture.newId(), new JsonObject().put("id", orders.orderId())),
            orders.refusal(Command.CANCEL_ORDER, orders.buyer, new JsonObject().put("id", OrdersFixture.newId())),
            orders.refusal(Command.CANCEL_ORDER, orders.buyer, new JsonObject().put("id", "nope")),
            orders.refusal(Command.CANCEL_ORDER, null, new JsonObject().put("id", orders.orderId())))
        .compose(all -> {
          test.verify(() -> {
            assertEquals("403 You do not own this order", status(all.resultAt(0)));
            assertEquals("404 Order not found", status(all.resultAt(1)));
            assertEquals("404 Order not found", status(all.resultAt(2)));
            assertEquals(401, all.<ApiException>resultAt(3).status());
          });
          return orders.showOrder(orders.buyer, orders.orderId());
        })
        .onComplete(test.succeeding(order -> test.verify(() -> {
          assertEquals("created", order.getString("status"));
          test.completeNow();
        })));
  }

  private static String status(ApiException refused) {
    return refused.status() + " " + refused.errors().get(0).message();
  }
}
