package dev.ticketing.orders.listeners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.contracts.commands.Command;
import dev.ticketing.contracts.events.ConsumerGroup;
import dev.ticketing.contracts.events.OrderCompleted;
import dev.ticketing.contracts.events.PaymentCreated;
import dev.ticketing.contracts.events.Subject;
import dev.ticketing.orders.testing.OrdersFixture;
import dev.ticketing.platform.delivery.EventListener;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@ExtendWith(VertxExtension.class)
class PaymentCreatedListenerTest {

  // A cap of one unpaid order shows that paying frees the buyer's hold slot.
  @RegisterExtension
  final OrdersFixture orders = OrdersFixture.holdingATicket(1);
  private final String paymentId = OrdersFixture.newId();

  @Test
  void aPaymentCompletesTheOrderAndTheTicketIsSold(VertxTestContext test) {
    orders.publish(new PaymentCreated(paymentId, orders.orderId(), "pi_123"))
        .compose(reply -> {
          test.verify(() -> assertEquals("APPLIED", reply.getString("outcome")));
          return orders.delivered(orders.orderId()).compose(delivered -> orders.stored(orders.orderId()));
        })
        .compose(stored -> {
          test.verify(() -> {
            assertEquals("complete", stored.getString("status"));
            assertEquals(1L, stored.getLong("version"));
            assertEquals(new JsonObject().put("id", paymentId).put("stripeId", "pi_123"), stored.getJsonObject("payment"));
            assertEquals(orders.ticketId(), stored.getString("ticketHold"), "a sold ticket stays held");
            assertFalse(stored.containsKey("userHold"), "a paid order no longer counts against the cap");
            assertEquals(new OrderCompleted(orders.orderId(), 1, orders.ticketId()),
                OrderCompleted.fromJson(orders.events.about(orders.orderId(), Subject.ORDER_COMPLETED, ConsumerGroup.TICKETS).get(0)));
          });
          return orders.refusal(Command.CREATE_ORDER, OrdersFixture.newId(), new JsonObject().put("ticketId", orders.ticketId()));
        })
        .compose(refused -> {
          test.verify(() -> assertEquals("Ticket is already reserved", refused.errors().get(0).message()));
          return orders.listTicket("Ballet", 1500, orders.seller).compose(other -> orders.createOrder(orders.buyer, other));
        })
        .onComplete(test.succeeding(next -> test.verify(() -> {
          assertEquals("created", next.getString("status"));
          test.completeNow();
        })));
  }

  @Test
  void aRedeliveredPaymentIsADuplicate(VertxTestContext test) {
    PaymentCreated payment = new PaymentCreated(paymentId, orders.orderId(), "pi_123");
    orders.publish(payment)
        .compose(first -> orders.publish(payment))
        .compose(second -> {
          test.verify(() -> assertEquals("DUPLICATE", second.getString("outcome")));
          return orders.delivered(orders.orderId()).compose(delivered -> orders.stored(orders.orderId()));
        })
        .onComplete(test.succeeding(stored -> test.verify(() -> {
          assertEquals(1L, stored.getLong("version"));
          assertEquals(1, orders.events.about(orders.orderId(), Subject.ORDER_COMPLETED, ConsumerGroup.TICKETS).size());
          test.completeNow();
        })));
  }

  @Test
  void aPaymentForACancelledOrderLeavesItCancelled(VertxTestContext test) {
    orders.cancelOrder(orders.buyer, orders.orderId())
        .compose(cancelled -> orders.publish(new PaymentCreated(paymentId, orders.orderId(), "pi_late")))
        .compose(reply -> {
          test.verify(() -> assertEquals("OBSOLETE", reply.getString("outcome"), "so payments refunds it"));
          return orders.stored(orders.orderId());
        })
        .onComplete(test.succeeding(stored -> test.verify(() -> {
          assertEquals("cancelled", stored.getString("status"));
          assertEquals(1L, stored.getLong("version"));
          assertFalse(stored.containsKey("payment"));
          assertTrue(orders.events.about(orders.orderId(), Subject.ORDER_COMPLETED, ConsumerGroup.TICKETS).isEmpty());
          test.completeNow();
        })));
  }

  @Test
  void aPaymentForAnOrderNotStoredYetIsRefused(VertxTestContext test) {
    orders.refusedCode(new PaymentCreated(paymentId, OrdersFixture.newId(), "pi_123"))
        .onComplete(test.succeeding(code -> test.verify(() -> {
          assertEquals(EventListener.OUT_OF_ORDER, code);
          test.completeNow();
        })));
  }
}
