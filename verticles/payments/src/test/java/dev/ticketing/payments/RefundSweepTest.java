package dev.ticketing.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.Refund;
import com.stripe.param.RefundCreateParams;
import dev.ticketing.payments.support.PaymentsTestBase;
import dev.ticketing.platform.delivery.EventListener;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The safety net: a payment left unrefunded while Stripe was down is refunded by the periodic sweep. */
class RefundSweepTest extends PaymentsTestBase {

  @Override
  protected long sweepMillis() {
    return 200;
  }

  @Test
  void aCancelledOrderStillHoldingMoneyIsRefundedOnceStripeIsBack() throws Exception {
    String orderId = placeOrder(BUYER, 2700);
    JsonObject paid = pay(BUYER, orderId, "tok_visa");
    provider.refundOutages.set(Integer.MAX_VALUE); // Stripe is down
    assertEquals(EventListener.NOT_APPLIED, cancelRefused(orderId, 1));

    provider.refundOutages.set(0); // Stripe is back; nobody redelivers anything

    eventuallyStored(orderId, "the sweep to refund the order", Duration.ofSeconds(10), order -> order.containsKey("refund"));
    Refund refund = recordedRefund(orderId);
    assertEquals(2700L, refund.getAmount());
    assertEquals(paid.getString("stripeId"), refund.getPaymentIntent());
    StripeException another = anotherRefund(paid.getString("stripeId"));
    assertInstanceOf(InvalidRequestException.class, another, "the whole charge is back already: refunded once");
    assertEquals("charge_already_refunded", ((InvalidRequestException) another).getCode());
  }

  /** What Stripe says to one more full refund of the charge (with a fresh key, so no replay). */
  private StripeException anotherRefund(String stripeId) {
    try {
      stripe.v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(stripeId).build());
    } catch (StripeException refused) {
      return refused;
    }
    throw new AssertionError("a second full refund was accepted");
  }
}
