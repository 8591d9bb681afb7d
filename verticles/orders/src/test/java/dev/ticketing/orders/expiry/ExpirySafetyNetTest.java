package dev.ticketing.orders.expiry;

import static dev.ticketing.platform.testing.Blocking.await;
import static dev.ticketing.platform.testing.Blocking.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.ticketing.contracts.events.PaymentCreated;
import dev.ticketing.orders.testing.OrdersFixture;
import dev.ticketing.platform.testing.Blocking;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * When the expiration service never says so (its Redis schedule was lost), orders cancels overdue
 * orders itself, after a grace, and never a paid one.
 */
class ExpirySafetyNetTest {

  @RegisterExtension
  final OrdersFixture orders = OrdersFixture.holdingATicket();

  @Test
  void anOverdueOrderIsCancelledOnceTheGraceHasPassed() throws Exception {
    orders.clock.advance(OrdersFixture.WINDOW.plus(OrdersFixture.GRACE).minusSeconds(1));
    assertFalse(changesWithin(Duration.ofMillis(400), "created"), "cancelled inside the grace");

    orders.clock.advance(Duration.ofSeconds(2));

    eventually("the safety net to cancel it", Duration.ofSeconds(5), () -> "cancelled".equals(status()));
    JsonObject stored = await(orders.stored(orders.orderId()));
    assertEquals("expired-safety-net", stored.getString("cancelReason"));
    assertFalse(stored.containsKey("ticketHold"), "the ticket is free again");
    assertFalse(stored.containsKey("userHold"), "and the buyer's slot");
  }

  @Test
  void aPaidOrderIsNeverTouched() throws Exception {
    await(orders.publish(new PaymentCreated(OrdersFixture.newId(), orders.orderId(), "pi_1")));

    orders.clock.advance(OrdersFixture.WINDOW.plus(OrdersFixture.GRACE).plusSeconds(60));

    assertFalse(changesWithin(Duration.ofMillis(500), "complete"), "the complete order stays complete");
  }

  /** Whether the order leaves {@code status} within {@code wait} (the safety net looks every 50 ms). */
  private boolean changesWithin(Duration wait, String status) throws InterruptedException {
    try {
      eventually("a change", wait, () -> !status.equals(status()));
      return true;
    } catch (AssertionError unchanged) {
      return false;
    }
  }

  private String status() {
    JsonObject stored = Blocking.resultOrNull(orders.stored(orders.orderId()));
    return stored == null ? null : stored.getString("status");
  }
}
