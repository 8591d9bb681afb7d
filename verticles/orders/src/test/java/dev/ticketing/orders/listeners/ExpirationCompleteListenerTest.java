package dev.ticketing.orders.listeners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.ticketing.contracts.events.ConsumerGroup;
import dev.ticketing.contracts.events.ExpirationComplete;
import dev.ticketing.contracts.events.OrderCancelled;
import dev.ticketing.contracts.events.PaymentCreated;
import dev.ticketing.contracts.events.Subject;
import dev.ticketing.orders.testing.OrdersFixture;
import dev.ticketing.platform.delivery.EventListener;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@ExtendWith(VertxExtension.class)
class ExpirationCompleteListenerTest {

  @RegisterExtension
  final OrdersFixture orders = OrdersFixture.holdingATicket();

  @Test
  void anUnpaidOrderPastItsExpiryIsCancelledAndItsTicketReleased(VertxTestContext test) {
    orders.clock.advance(OrdersFixture.WINDOW);
    orders.publish(new ExpirationComplete(orders.orderId()))
        .compose(reply -> {
          test.verify(() -> assertEquals("APPLIED", reply.getString("outcome")));
          return orders.delivered(orders.orderId()).compose(delivered -> orders.stored(orders.orderId()));
        })
        .onComplete(test.succeeding(stored -> test.verify(() -> {
          assertEquals("cancelled", stored.getString("status"));
          assertEquals(1L, stored.getLong("version"));
          assertFalse(stored.containsKey("ticketHold"));
          assertEquals(new OrderCancelled(orders.orderId(), 1, orders.ticketId()),
              OrderCancelled.fromJson(orders.events.about(orders.orderId(), Subject.ORDER_CANCELLED, ConsumerGroup.TICKETS).get(0)));
          test.completeNow();
        })));
  }

  @Test
  void aSecondNoticeIsADuplicateWithoutASecondEvent(VertxTestContext test) {
    orders.clock.advance(OrdersFixture.WINDOW.plusMinutes(5));
    orders.publish(new ExpirationComplete(orders.orderId()))
        .compose(first -> orders.publish(new ExpirationComplete(orders.orderId())))
        .compose(second -> {
          test.verify(() -> assertEquals("DUPLICATE", second.getString("outcome")));
          return orders.delivered(orders.orderId()).compose(delivered -> orders.stored(orders.orderId()));
        })
        .onComplete(test.succeeding(stored -> test.verify(() -> {
          assertEquals(1L, stored.getLong("version"));
          assertEquals(1, orders.events.about(orders.orderId(), Subject.ORDER_CANCELLED, ConsumerGroup.TICKETS).size());
          test.completeNow();
        })));
  }

  @Test
  void expiryNeverCancelsACompleteOrder(VertxTestContext test) {
    orders.publish(new PaymentCreated(OrdersFixture.newId(), orders.orderId(), "pi_1"))
        .compose(paid -> {
          orders.clock.advance(OrdersFixture.WINDOW.plusHours(1));
          return orders.publish(new ExpirationComplete(orders.orderId()));
        })
        .compose(reply -> {
          test.verify(() -> assertEquals("DUPLICATE", reply.getString("outcome")));
          return orders.showOrder(orders.buyer, orders.orderId());
        })
        .onComplete(test.succeeding(order -> test.verify(() -> {
          assertEquals("complete", order.getString("status"));
          assertEquals(1L, order.getLong("version"));
          test.completeNow();
        })));
  }

  @Test
  void anEarlyNoticeIsRefusedAndAppliedWhenItComesAgainInTime(VertxTestContext test) {
    orders.clock.advance(OrdersFixture.WINDOW.minusSeconds(2));
    orders.refusedCode(new ExpirationComplete(orders.orderId()))
        .compose(code -> {
          test.verify(() -> assertEquals(EventListener.OUT_OF_ORDER, code));
          return orders.showOrder(orders.buyer, orders.orderId());
        })
        .compose(order -> {
          test.verify(() -> assertEquals("created", order.getString("status")));
          // Within the clock-skew tolerance of one second: honoured.
          orders.clock.advance(Duration.ofMillis(1500));
          return orders.publish(new ExpirationComplete(orders.orderId()));
        })
        .onComplete(test.succeeding(reply -> test.verify(() -> {
          assertEquals("APPLIED", reply.getString("outcome"));
          test.completeNow();
        })));
  }

  @Test
  void aNoticeForAnOrderNotStoredYetIsRefused(VertxTestContext test) {
    orders.refusedCode(new ExpirationComplete(OrdersFixture.newId()))
        .onComplete(test.succeeding(code -> test.verify(() -> {
          assertEquals(EventListener.OUT_OF_ORDER, code);
          test.completeNow();
        })));
  }
}
