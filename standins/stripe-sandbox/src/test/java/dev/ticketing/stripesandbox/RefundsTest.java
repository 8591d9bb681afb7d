package dev.ticketing.stripesandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.stripe.exception.CardException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.param.RefundCreateParams;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RefundsTest extends SandboxTestBase {

  @Test
  void fullRefundSucceedsAndASecondIsRefused() throws StripeException {
    PaymentIntent paid = pay(1500);

    Refund refund = stripe.v1().refunds().create(RefundCreateParams.builder()
        .setPaymentIntent(paid.getId()).putMetadata("reason", "order cancelled").build());

    assertTrue(refund.getId().startsWith("re_"), refund.getId());
    assertEquals("refund", refund.getObject());
    assertEquals(1500L, refund.getAmount());
    assertEquals("usd", refund.getCurrency());
    assertEquals("succeeded", refund.getStatus());
    assertEquals(paid.getId(), refund.getPaymentIntent());
    assertEquals(paid.getLatestCharge(), refund.getCharge());
    assertEquals(Map.of("reason", "order cancelled"), refund.getMetadata());

    InvalidRequestException again = assertThrows(InvalidRequestException.class, () -> stripe.v1().refunds()
        .create(RefundCreateParams.builder().setPaymentIntent(paid.getId()).build()));
    assertEquals(400, again.getStatusCode());
    assertEquals("charge_already_refunded", again.getCode());
  }

  @Test
  void partialRefundsNeverExceedWhatWasPaid() throws StripeException {
    PaymentIntent paid = pay(1500);

    Refund part = stripe.v1().refunds().create(refund(paid, 500L));
    assertEquals(500L, part.getAmount());

    InvalidRequestException tooMuch = assertThrows(InvalidRequestException.class,
        () -> stripe.v1().refunds().create(refund(paid, 1001L)));
    assertEquals("charge_already_refunded", tooMuch.getCode());
    assertEquals("amount", tooMuch.getParam());

    assertEquals(1000L, stripe.v1().refunds().create(refund(paid, 1000L)).getAmount());
  }

  @Test
  void retrievesARefundById() throws StripeException {
    Refund created = stripe.v1().refunds().create(refund(pay(800), 300L));

    Refund retrieved = stripe.v1().refunds().retrieve(created.getId());

    assertEquals(created.getId(), retrieved.getId());
    assertEquals(300L, retrieved.getAmount());
    InvalidRequestException missing = assertThrows(InvalidRequestException.class,
        () -> stripe.v1().refunds().retrieve("re_nothing"));
    assertEquals(404, missing.getStatusCode());
    assertEquals("resource_missing", missing.getCode());
  }

  @Test
  void refundsOnlyWhatWasPaid() {
    CardException declined = assertThrows(CardException.class,
        () -> stripe.v1().paymentIntents().create(confirmedPayment(1500, "pm_card_chargeDeclined").build()));
    String unpaid = declined.getStripeError().getPaymentIntent().getId();

    InvalidRequestException refused = assertThrows(InvalidRequestException.class,
        () -> stripe.v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(unpaid).build()));
    assertEquals("payment_intent", refused.getParam());

    InvalidRequestException unknown = assertThrows(InvalidRequestException.class,
        () -> stripe.v1().refunds().create(RefundCreateParams.builder().setPaymentIntent("pi_unknown").build()));
    assertEquals("resource_missing", unknown.getCode());
  }

  @Test
  void refundByChargeIdWorksToo() throws StripeException {
    PaymentIntent paid = pay(1200);

    Refund refund = stripe.v1().refunds().create(RefundCreateParams.builder().setCharge(paid.getLatestCharge()).build());

    assertEquals(paid.getId(), refund.getPaymentIntent());
    assertEquals(1200L, refund.getAmount());
  }

  private PaymentIntent pay(long amount) throws StripeException {
    return stripe.v1().paymentIntents().create(confirmedPayment(amount, "pm_card_visa").build());
  }

  private static RefundCreateParams refund(PaymentIntent paid, long amount) {
    return RefundCreateParams.builder().setPaymentIntent(paid.getId()).setAmount(amount).build();
  }
}
