package dev.ticketing.payments.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.contracts.commands.NewPayment;
import dev.ticketing.contracts.errors.Validation;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The pure rules: who may pay what, which tokens are cards, and the keys that make charges idempotent. */
class PaymentRulesTest {

  private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
  private static final Instant LATER = NOW.plusSeconds(900);
  private static final Payment PAID = new Payment("p1", "pi_1", NOW);

  private static PaymentOrder order(String status, Payment payment, Refund refund) {
    return new PaymentOrder("o1", 0, status, "buyer", 1000, LATER, 0, 0, "pi_1", false, payment, refund);
  }

  @Test
  void onlyACancelledPaidUnrefundedOrderOwesARefund() {
    assertTrue(order("cancelled", PAID, null).owesRefund());
    assertFalse(order("cancelled", null, null).owesRefund());
    assertFalse(order("created", PAID, null).owesRefund());
    assertFalse(order("cancelled", PAID, new Refund("re_1", NOW)).owesRefund());
  }

  @Test
  void anOrdersPaymentIdIsTheSameWhoeverRecordsIt() {
    Payment byTheBuyer = Payment.of("6b0f2c8ba3dad17cbf3d1835", "pi_1", NOW);
    Payment byTheReconciler = Payment.of("6b0f2c8ba3dad17cbf3d1835", "pi_1", LATER);
    assertEquals(byTheBuyer.id(), byTheReconciler.id());
    assertTrue(byTheBuyer.id().matches("[0-9a-f]{24}"));
    assertFalse(byTheBuyer.id().equals(Payment.of("6b0f2c8ba3dad17cbf3d1836", "pi_2", NOW).id()));
  }

  @Test
  void tokensAndPaymentMethodsAreToldApart() {
    assertEquals(new CardToken(CardToken.Kind.PAYMENT_METHOD, "pm_card_visa"), CardToken.parse("pm_card_visa"));
    assertEquals(new CardToken(CardToken.Kind.TOKEN, "tok_visa"), CardToken.parse("tok_visa"));
    for (Object bad : new Object[] {null, "", "visa", "4242424242424242", "pm_", "tok_visa\n", "src_123", 42}) {
      Validation refused = assertThrows(Validation.class, () -> CardToken.parse(bad), String.valueOf(bad));
      assertEquals("token", refused.errors().get(0).field());
    }
  }

  @Test
  void aBodyWithoutOrderIdOrTokenListsBothFields() {
    Validation refused = assertThrows(Validation.class, () -> PaymentInput.from(new NewPayment(" ", null)));
    assertEquals(2, refused.errors().size());
    assertEquals("orderId", refused.errors().get(0).field());
    assertEquals("token", refused.errors().get(1).field());
  }


  @Test
  void everyAttemptHasAKeyOfItsOwnAndTheIntentAndRefundOneEach() {
    assertEquals("intent-o1", IdempotencyKeys.intent("o1"));
    assertEquals("confirm-o1-1", IdempotencyKeys.confirm("o1", 1));
    assertEquals("confirm-o1-2", IdempotencyKeys.confirm("o1", 2));
    assertEquals("refund-o1", IdempotencyKeys.refund("o1"));
  }
}
