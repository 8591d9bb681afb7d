package dev.ticketing.stripesandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.stripe.exception.CardException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.param.PaymentIntentConfirmParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CardDeclinesTest extends SandboxTestBase {

  @ParameterizedTest
  @CsvSource({
      "pm_card_chargeDeclined, card_declined, generic_decline",
      "pm_card_chargeDeclinedInsufficientFunds, card_declined, insufficient_funds",
      "pm_card_chargeDeclinedExpiredCard, expired_card, expired_card",
      "pm_card_chargeDeclinedIncorrectCvc, incorrect_cvc, incorrect_cvc"})
  void declinedTestPaymentMethodsThrowCardException(String method, String code, String declineCode) {
    CardException declined = assertThrows(CardException.class,
        () -> stripe.v1().paymentIntents().create(confirmedPayment(1500, method).build()));

    assertDeclined(declined, code, declineCode);
  }

  @ParameterizedTest
  @CsvSource({
      "tok_chargeDeclined, card_declined, generic_decline",
      "tok_chargeDeclinedInsufficientFunds, card_declined, insufficient_funds",
      "tok_chargeDeclinedExpiredCard, expired_card, expired_card",
      "tok_chargeDeclinedIncorrectCvc, incorrect_cvc, incorrect_cvc"})
  void declinedTestTokensThrowCardException(String token, String code, String declineCode) {
    CardException declined = assertThrows(CardException.class,
        () -> stripe.v1().paymentIntents().create(confirmedTokenPayment(1500, token).build()));

    assertDeclined(declined, code, declineCode);
  }

  @Test
  void declinedIntentIsKeptAndCanBePaidWithAnotherCard() throws StripeException {
    CardException declined = assertThrows(CardException.class,
        () -> stripe.v1().paymentIntents().create(confirmedPayment(1500, "pm_card_chargeDeclined").build()));
    String intentId = declined.getStripeError().getPaymentIntent().getId();

    PaymentIntent stored = stripe.v1().paymentIntents().retrieve(intentId);
    assertEquals("requires_payment_method", stored.getStatus());
    assertEquals(declined.getCharge(), stored.getLatestCharge());
    assertEquals("generic_decline", stored.getLastPaymentError().getDeclineCode());

    PaymentIntent paid = stripe.v1().paymentIntents().confirm(intentId,
        PaymentIntentConfirmParams.builder().setPaymentMethod("pm_card_visa").build());
    assertEquals("succeeded", paid.getStatus());
    assertNull(paid.getLastPaymentError());
  }

  @Test
  void unknownPaymentMethodIsAnInvalidRequest() {
    InvalidRequestException invalid = assertThrows(InvalidRequestException.class,
        () -> stripe.v1().paymentIntents().create(confirmedPayment(1500, "pm_card_nonsense").build()));

    assertEquals(400, invalid.getStatusCode());
    assertEquals("resource_missing", invalid.getCode());
    assertEquals("payment_method", invalid.getParam());
    assertTrue(invalid.getMessage().contains("No such PaymentMethod: 'pm_card_nonsense'"), invalid.getMessage());
  }

  @Test
  void unknownTokenIsAnInvalidRequest() {
    InvalidRequestException invalid = assertThrows(InvalidRequestException.class,
        () -> stripe.v1().paymentIntents().create(confirmedTokenPayment(1500, "tok_nonsense").build()));

    assertEquals("resource_missing", invalid.getCode());
    assertEquals("payment_method_data[card][token]", invalid.getParam());
    assertTrue(invalid.getMessage().contains("No such token: 'tok_nonsense'"), invalid.getMessage());
  }

  private static void assertDeclined(CardException declined, String code, String declineCode) {
    assertEquals(402, declined.getStatusCode());
    assertEquals(code, declined.getCode());
    assertEquals(declineCode, declined.getDeclineCode());
    assertTrue(declined.getCharge().startsWith("ch_"), declined.getCharge());
    assertEquals("card_error", declined.getStripeError().getType());
    PaymentIntent intent = declined.getStripeError().getPaymentIntent();
    assertTrue(intent.getId().startsWith("pi_"), intent.getId());
    assertEquals("requires_payment_method", intent.getStatus());
    assertEquals(declineCode, intent.getLastPaymentError().getDeclineCode());
    assertEquals("card", declined.getStripeError().getPaymentMethod().getType());
  }
}
