package dev.ticketing.payments.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.contracts.errors.ApiException;
import dev.ticketing.contracts.errors.Validation;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The pure rules: who may pay what, which tokens are cards, and the keys that make charges idempotent. */
class PaymentRulesTest {

  private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
  private static final Instant LATER = NOW.plusSeconds(900);
  private static final Payment PAID = new Payment("p1", "pi_1", NOW);

  private static PaymentOrder order(String status, Payment payment, Instant expiresAt) {
    return new PaymentOrder("o1", 0, status, "buyer", 1000, expiresAt, 0, payment, null);
  }

  @Test
  void theBuyerMayPayALiveUnpaidOrder() {
    assertDoesNotThrow(() -> order("created", null, LATER).requirePayableBy("buyer", NOW));
  }

  @Test
  void everyReasonNotToPayHasItsAnswer() {
    assertRefused(403, "You do not own this order", () -> order("created", null, LATER).requirePayableBy("other", NOW));
    assertRefused(400, "Cannot pay for a cancelled order", () -> order("cancelled", null, LATER).requirePayableBy("buyer", NOW));
    assertRefused(400, "Order has already been paid", () -> order("created", PAID, LATER).requirePayableBy("buyer", NOW));
    assertRefused(400, "Order has expired", () -> order("created", null, NOW).requirePayableBy("buyer", NOW));
  }

  @Test
  void onlyACancelledPaidUnrefundedOrderOwesARefund() {
    assertTrue(order("cancelled", PAID, LATER).owesRefund());
    assertFalse(order("cancelled", null, LATER).owesRefund());
    assertFalse(order("created", PAID, LATER).owesRefund());
    PaymentOrder refunded = new PaymentOrder("o1", 1, "cancelled", "buyer", 1000, LATER, 0, PAID, new Refund("re_1", NOW));
    assertFalse(refunded.owesRefund());
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
    Validation refused = assertThrows(Validation.class, () -> PaymentInput.from(new JsonObject().put("orderId", " ")));
    assertEquals(2, refused.errors().size());
    assertEquals("orderId", refused.errors().get(0).field());
    assertEquals("token", refused.errors().get(1).field());
  }


  @Test
  void aRetryReusesItsKeyAndANewAttemptDoesNot() {
    assertEquals("pay-o1-0", IdempotencyKeys.charge("o1", 0));
    assertEquals(IdempotencyKeys.charge("o1", 0), IdempotencyKeys.charge("o1", 0));
    assertEquals("pay-o1-1", IdempotencyKeys.charge("o1", 1));
    assertEquals("refund-o1", IdempotencyKeys.refund("o1"));
  }

  private static void assertRefused(int status, String message, Runnable attempt) {
    ApiException refused = assertThrows(ApiException.class, attempt::run);
    assertEquals(status, refused.status());
    assertEquals(message, refused.getMessage());
  }
}
