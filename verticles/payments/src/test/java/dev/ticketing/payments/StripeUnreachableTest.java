package dev.ticketing.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.ticketing.contracts.errors.ApiException;
import dev.ticketing.payments.support.PaymentsTestBase;
import dev.ticketing.platform.testing.Ports;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Stripe cannot be reached: the buyer is told to come back later and nothing is recorded. */
class StripeUnreachableTest extends PaymentsTestBase {

  @Override
  protected String stripeBase() {
    return "http://127.0.0.1:" + Ports.free(); // nothing listens there
  }

  @Test
  void aPaymentIsA503AndLeavesTheOrderUntouched() throws Exception {
    String orderId = placeOrder(BUYER, 1000);

    ApiException failed = payFailure(BUYER, orderId, "pm_card_visa");
    JsonObject order = stored(orderId);

    assertEquals(503, failed.status());
    assertEquals("Payments are temporarily unavailable", failed.getMessage());
    assertFalse(order.containsKey("payment"));
    assertFalse(order.containsKey("attemptKey"), "no intent could even be created: no attempt began");
    assertFalse(order.containsKey("outbox"));
    assertEquals(0, order.getInteger("declines"));
  }
}
