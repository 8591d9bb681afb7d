package dev.ticketing.stripesandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.stripe.exception.CardException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.param.PaymentIntentCancelParams;
import com.stripe.param.PaymentIntentConfirmParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CancelTest extends SandboxTestBase {

  private final SettableClock clock = new SettableClock(Instant.parse("2025-03-01T10:00:00Z"));

  @Override
  Clock clock() {
    return clock;
  }

  @Test
  void unpaidIntentIsCanceledWithItsReasonAndTime() throws StripeException {
    PaymentIntent open = stripe.v1().paymentIntents().create(PaymentIntentCreateParams.builder()
        .setAmount(900L).setCurrency("usd").putMetadata("orderId", "order-9").build());
    assertNull(open.getCanceledAt());
    clock.advance(Duration.ofMinutes(15));

    PaymentIntent canceled = stripe.v1().paymentIntents().cancel(open.getId(), PaymentIntentCancelParams.builder()
        .setCancellationReason(PaymentIntentCancelParams.CancellationReason.ABANDONED).build());

    assertEquals("canceled", canceled.getStatus());
    assertEquals(clock.epochSecond(), canceled.getCanceledAt());
    assertEquals("abandoned", canceled.getCancellationReason());
    assertEquals("order-9", canceled.getMetadata().get("orderId"));
    PaymentIntent retrieved = stripe.v1().paymentIntents().retrieve(open.getId());
    assertEquals("canceled", retrieved.getStatus());
    assertEquals(clock.epochSecond(), retrieved.getCanceledAt());
  }

  @Test
  void canceledIntentCannotBeConfirmedCanceledAgainOrRefunded() throws StripeException {
    PaymentIntent open = stripe.v1().paymentIntents().create(PaymentIntentCreateParams.builder()
        .setAmount(900L).setCurrency("usd").setPaymentMethod("pm_card_visa").build());
    PaymentIntent canceled = stripe.v1().paymentIntents().cancel(open.getId());
    assertNull(canceled.getCancellationReason());

    InvalidRequestException confirm = assertThrows(InvalidRequestException.class,
        () -> stripe.v1().paymentIntents().confirm(open.getId()));
    assertEquals(400, confirm.getStatusCode());
    assertEquals("payment_intent_unexpected_state", confirm.getCode());
    assertEquals("canceled", confirm.getStripeError().getPaymentIntent().getStatus());

    InvalidRequestException again = assertThrows(InvalidRequestException.class,
        () -> stripe.v1().paymentIntents().cancel(open.getId()));
    assertEquals("payment_intent_unexpected_state", again.getCode());

    InvalidRequestException refund = assertThrows(InvalidRequestException.class, () -> stripe.v1().refunds()
        .create(RefundCreateParams.builder().setPaymentIntent(open.getId()).build()));
    assertEquals("payment_intent_unexpected_state", refund.getCode());
  }

  @Test
  void declinedIntentCanBeCanceled() throws StripeException {
    CardException declined = assertThrows(CardException.class,
        () -> stripe.v1().paymentIntents().create(confirmedPayment(1500, "pm_card_chargeDeclined").build()));
    String id = declined.getStripeError().getPaymentIntent().getId();

    PaymentIntent canceled = stripe.v1().paymentIntents().cancel(id);

    assertEquals("canceled", canceled.getStatus());
    assertEquals("generic_decline", canceled.getLastPaymentError().getDeclineCode());
    assertThrows(InvalidRequestException.class, () -> stripe.v1().paymentIntents().confirm(id,
        PaymentIntentConfirmParams.builder().setPaymentMethod("pm_card_visa").build()));
  }

  @Test
  void succeededIntentCannotBeCanceled() throws StripeException {
    PaymentIntent paid = stripe.v1().paymentIntents().create(confirmedPayment(1500, "pm_card_visa").build());

    InvalidRequestException refused = assertThrows(InvalidRequestException.class,
        () -> stripe.v1().paymentIntents().cancel(paid.getId()));

    assertEquals("payment_intent_unexpected_state", refused.getCode());
    assertEquals("succeeded", refused.getStripeError().getPaymentIntent().getStatus());
    assertEquals("succeeded", stripe.v1().paymentIntents().retrieve(paid.getId()).getStatus());
  }

  @Test
  void badReasonAndUnknownIntentAreRefused() throws Exception {
    PaymentIntent open = stripe.v1().paymentIntents().create(PaymentIntentCreateParams.builder()
        .setAmount(900L).setCurrency("usd").build());

    HttpResponse<String> badReason = http.send(http.post("/v1/payment_intents/" + open.getId() + "/cancel",
        "cancellation_reason=changed_my_mind", null));
    assertEquals(400, badReason.statusCode());
    assertEquals("cancellation_reason",
        new JsonObject(badReason.body()).getJsonObject("error").getString("param"));
    assertEquals("requires_payment_method", stripe.v1().paymentIntents().retrieve(open.getId()).getStatus());

    InvalidRequestException missing = assertThrows(InvalidRequestException.class,
        () -> stripe.v1().paymentIntents().cancel("pi_nothing"));
    assertEquals(404, missing.getStatusCode());
  }
}
