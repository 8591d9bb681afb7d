package dev.ticketing.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.stripe.model.PaymentIntent;
import dev.ticketing.payments.support.PaymentAnswer;
import dev.ticketing.payments.support.PaymentsTestBase;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A double click while Stripe is slow: the second request's attempt meets the first one's success, and nobody pays twice. */
class SlowStripeTest extends PaymentsTestBase {

  @Override
  protected Duration stripeLatency() {
    return Duration.ofMillis(600);
  }

  @Test
  void aTwinRequestWhileTheFirstIsInFlightChargesNothingMore() throws Exception {
    String orderId = placeOrder(BUYER, 2500);

    List<PaymentAnswer> answers = payTwiceAtOnce(BUYER, orderId, "tok_visa", "tok_visa");

    assertTrue(answers.get(0).paid() || answers.get(1).paid(), "the payment is answered");
    JsonObject paid = answers.get(0).paid() ? answers.get(0).payment() : answers.get(1).payment();
    for (PaymentAnswer answer : answers) {
      if (!answer.paid()) {
        String message = answer.refusal().getMessage();
        // The twin met the first request's intent creation still running (Stripe's 409), or its success.
        assertTrue(message.equals("Order has already been paid")
            || message.equals("A payment for this order is already in progress"), message);
      }
    }
    PaymentIntent intent = paidIntent(orderId);
    assertEquals(paid.getString("stripeId"), intent.getId());
    assertEquals(2500L, intent.getAmountReceived());
    assertEquals(0, stored(orderId).getInteger("declines"), "a request in flight is not a decline");
    assertEquals("complete", ordersService.status(orderId));
  }
}
