package dev.ticketing.orders.expiry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.ticketing.contracts.events.PaymentCreated;
import dev.ticketing.orders.testing.OrdersFixture;
import dev.ticketing.platform.testing.Eventually;
import io.vertx.core.Future;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * When the expiration service never says so (its Redis schedule was lost), orders cancels overdue
 * orders itself, after a grace, and never a paid one.
 */
@ExtendWith(VertxExtension.class)
class ExpirySafetyNetTest {

  @RegisterExtension
  final OrdersFixture orders = OrdersFixture.holdingATicket();

  @Test
  void anOverdueOrderIsCancelledOnceTheGraceHasPassed(VertxTestContext test) {
    orders.clock.advance(OrdersFixture.WINDOW.plus(OrdersFixture.GRACE).minusSeconds(1));
    Future<Void> stillThere = Eventually.await(orders.vertx(), 400, "nothing to happen", () -> orders.stored(orders.orderId())
            .map(stored -> !"created".equals(stored.getString("status"))))
        .transform(waited -> waited.succeeded()
            ? Future.failedFuture(new AssertionError("cancelled inside the grace"))
            : Future.succeededFuture());
    stillThere
        .compose(untouched -> {
          orders.clock.advance(Duration.ofSeconds(2));
          return Eventually.await(orders.vertx(), 5_000, "the safety net to cancel it",
              () -> orders.stored(orders.orderId()).map(stored -> "cancelled".equals(stored.getString("status"))));
        })
        .compose(cancelled -> orders.stored(orders.orderId()))
        .onComplete(test.succeeding(stored -> test.verify(() -> {
          assertEquals("expired-safety-net", stored.getString("cancelReason"));
          assertFalse(stored.containsKey("ticketHold"), "the ticket is free again");
          assertFalse(stored.containsKey("userHold"), "and the buyer's slot");
          test.completeNow();
        })));
  }

  @Test
  void aPaidOrderIsNeverTouched(VertxTestContext test) {
    orders.publish(new PaymentCreated(OrdersFixture.newId(), orders.orderId(), "pi_1"))
        .compose(paid -> {
          orders.clock.advance(OrdersFixture.WINDOW.plus(OrdersFixture.GRACE).plusSeconds(60));
          return Eventually.await(orders.vertx(), 500, "a change", () -> orders.stored(orders.orderId())
              .map(stored -> !"complete".equals(stored.getString("status"))));
        })
        .onComplete(result -> test.verify(() -> {
          assertEquals(true, result.failed(), "the complete order stays complete");
          test.completeNow();
        }));
  }
}
