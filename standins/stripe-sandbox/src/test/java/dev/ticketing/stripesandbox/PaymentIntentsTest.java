package dev.ticketing.stripesandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.param.PaymentIntentConfirmParams;
import com.stripe.param.PaymentIntentCreateParams;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PaymentIntentsTest extends SandboxTestBase {

  @Test
  void confirmedPaymentWithTestPaymentMethodSucceeds() throws StripeException {
    long before = Instant.now().getEpochSecond();

    PaymentIntent intent = stripe.v1().paymentIntents().create(
        confirmedPayment(1500, "pm_card_visa").putMetadata("ticketId", "t-7").setDescription("2 tickets").build(),
        idempotencyKey("order-42-attempt-1"));

    assertTrue(intent.getId().startsWith("pi_"), intent.getId());
    assertEquals("payment_intent", intent.getObject());
    assertEquals("succeeded", intent.getStatus());
    assertEquals(1500L, intent.getAmount());
    assertEquals(1500L, intent.getAmountReceived());
    assertEquals("usd", intent.getCurrency());
    assertEquals(Map.of("orderId", "order-42", "ticketId", "t-7"), intent.getMetadata());
    assertEquals("2 tickets", intent.getDescription());
    assertTrue(intent.getPaymentMethod().startsWith("pm_"), intent.getPaymentMethod());
    assertTrue(intent.getLatestCharge().startsWith("ch_"), intent.getLatestCharge());
    assertTrue(intent.getClientSecret().startsWith(intent.getId() + "_secret_"));
    assertEquals("automatic", intent.getCaptureMethod());
    assertEquals("automatic", intent.getConfirmationMethod());
    assertFalse(intent.getLivemode());
    assertTrue(intent.getCreated() >= before, "created is in epoch seconds");
    assertNull(intent.getLastPaymentError());
  }

  @Test
  void confirmedPaymentWithCardTokenSucceeds() throws StripeException {
    PaymentIntent intent = stripe.v1().paymentIntents().create(confirmedTokenPayment(2500, "tok_visa").build());

    assertEquals("succeeded", intent.getStatus());
    assertEquals(2500L, intent.getAmountReceived());
    assertEquals("order-43", intent.getMetadata().get("orderId"));
    assertTrue(intent.getPaymentMethod().startsWith("pm_"), intent.getPaymentMethod());
  }

  @Test
  void otherSuccessfulTestCardsSucceed() throws StripeException {
    for (String method : new String[] {"pm_card_visa_debit", "pm_card_mastercard", "pm_card_amex"}) {
      assertEquals("succeeded", stripe.v1().paymentIntents().create(confirmedPayment(100, method).build()).getStatus(),
          method);
    }
    for (String token : new String[] {"tok_mastercard", "tok_amex"}) {
      assertEquals("succeeded", stripe.v1().paymentIntents().create(confirmedTokenPayment(100, token).build())
          .getStatus(), token);
    }
  }

  @Test
  void unconfirmedIntentWaitsForConfirmation() throws StripeException {
    PaymentIntent created = stripe.v1().paymentIntents().create(PaymentIntentCreateParams.builder()
        .setAmount(900L).setCurrency("EUR").setPaymentMethod("pm_card_visa").build());
    assertEquals("requires_confirmation", created.getStatus());
    assertEquals("eur", created.getCurrency());
    assertEquals(0L, created.getAmountReceived());

    PaymentIntent confirmed = stripe.v1().paymentIntents().confirm(created.getId());

    assertEquals(created.getId(), confirmed.getId());
    assertEquals("succeeded", confirmed.getStatus());
    assertEquals(900L, confirmed.getAmountReceived());
  }

  @Test
  void intentWithoutMethodIsConfirmedWithOneLater() throws StripeException {
    PaymentIntent created = stripe.v1().paymentIntents().create(PaymentIntentCreateParams.builder()
        .setAmount(700L).setCurrency("usd").build());
    assertEquals("requires_payment_method", created.getStatus());
    assertNull(created.getPaymentMethod());

    PaymentIntent confirmed = stripe.v1().paymentIntents().confirm(created.getId(),
        PaymentIntentConfirmParams.builder().setPaymentMethod("pm_card_mastercard").build());

    assertEquals("succeeded", confirmed.getStatus());
  }

  @Test
  void retrievesAnIntentById() throws StripeException {
    PaymentIntent created = stripe.v1().paymentIntents().create(confirmedPayment(1200, "pm_card_visa").build());

    PaymentIntent retrieved = stripe.v1().paymentIntents().retrieve(created.getId());

    assertEquals(created.getId(), retrieved.getId());
    assertEquals("succeeded", retrieved.getStatus());
    assertEquals(created.getLatestCharge(), retrieved.getLatestCharge());
    assertEquals(created.getMetadata(), retrieved.getMetadata());
  }

  @Test
  void unknownIntentIsMissing() {
    InvalidRequestException missing = assertThrows(InvalidRequestException.class,
        () -> stripe.v1().paymentIntents().retrieve("pi_doesnotexist"));

    assertEquals(404, missing.getStatusCode());
    assertEquals("resource_missing", missing.getCode());
    assertTrue(missing.getMessage().contains("No such payment_intent: 'pi_doesnotexist'"), missing.getMessage());
    assertTrue(missing.getRequestId().startsWith("req_"), missing.getRequestId());
  }

  @Test
  void succeededIntentCannotBeConfirmedAgain() throws StripeException {
    PaymentIntent paid = stripe.v1().paymentIntents().create(confirmedPayment(1000, "pm_card_visa").build());

    InvalidRequestException refused = assertThrows(InvalidRequestException.class,
        () -> stripe.v1().paymentIntents().confirm(paid.getId()));

    assertEquals("payment_intent_unexpected_state", refused.getCode());
    assertEquals("succeeded", refused.getStripeError().getPaymentIntent().getStatus());
  }

  @Test
  void eachUseOfATestPaymentMethodCreatesItsOwnPaymentMethod() throws StripeException {
    PaymentIntent first = stripe.v1().paymentIntents().create(confirmedPayment(100, "pm_card_visa").build());
    PaymentIntent second = stripe.v1().paymentIntents().create(confirmedPayment(100, "pm_card_visa").build());

    assertNotEquals(first.getId(), second.getId());
    assertNotEquals(first.getPaymentMethod(), second.getPaymentMethod());
  }
}
