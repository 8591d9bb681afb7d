package dev.ticketing.stripesandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class IdempotencyTest extends SandboxTestBase {

  private static final String VISA_PAYMENT =
      "amount=1500&currency=usd&confirm=true&payment_method=pm_card_visa&metadata[orderId]=o-1";

  @Test
  void sameKeyAndParametersReturnTheSameIntent() throws StripeException {
    PaymentIntent first = stripe.v1().paymentIntents()
        .create(confirmedPayment(1500, "pm_card_visa").build(), idempotencyKey("pay-order-42"));
    PaymentIntent second = stripe.v1().paymentIntents()
        .create(confirmedPayment(1500, "pm_card_visa").build(), idempotencyKey("pay-order-42"));

    assertEquals(first.getId(), second.getId());
    assertEquals(first.getLatestCharge(), second.getLatestCharge());
  }

  @Test
  void replayRepeatsTheExactAnswerWithoutASecondCharge() throws Exception {
    HttpResponse<String> first = http.send(http.post("/v1/payment_intents", VISA_PAYMENT, "raw-key-1"));
    // The same parameters in another order are the same request.
    HttpResponse<String> second = http.send(http.post("/v1/payment_intents",
        "metadata[orderId]=o-1&payment_method=pm_card_visa&confirm=true&currency=usd&amount=1500", "raw-key-1"));

    assertEquals(200, first.statusCode());
    assertEquals(200, second.statusCode());
    assertEquals(first.body(), second.body());
    assertEquals("true", second.headers().firstValue("Idempotent-Replayed").orElse(null));
    assertFalse(first.headers().firstValue("Idempotent-Replayed").isPresent());
    assertEquals(first.headers().firstValue("Request-Id").orElseThrow(),
        second.headers().firstValue("Original-Request").orElseThrow());
    assertNotEquals(first.headers().firstValue("Request-Id"), second.headers().firstValue("Request-Id"));
  }

  @Test
  void declineIsReplayedAsWell() {
    CardException first = assertThrows(CardException.class, () -> stripe.v1().paymentIntents()
        .create(confirmedPayment(1500, "pm_card_chargeDeclined").build(), idempotencyKey("declined-once")));
    CardException second = assertThrows(CardException.class, () -> stripe.v1().paymentIntents()
        .create(confirmedPayment(1500, "pm_card_chargeDeclined").build(), idempotencyKey("declined-once")));

    assertEquals(first.getStripeError().getPaymentIntent().getId(), second.getStripeError().getPaymentIntent().getId());
    assertEquals(first.getCharge(), second.getCharge());
  }

  @Test
  void sameKeyWithOtherParametersIsRefused() throws StripeException {
    stripe.v1().paymentIntents().create(confirmedPayment(1500, "pm_card_visa").build(), idempotencyKey("reused"));

    IdempotencyException refused = assertThrows(IdempotencyException.class, () -> stripe.v1().paymentIntents()
        .create(confirmedPayment(1600, "pm_card_visa").build(), idempotencyKey("reused")));

    assertEquals(400, refused.getStatusCode());
    assertEquals("idempotency_error", refused.getStripeError().getType());
    assertTrue(refused.getMessage().contains("same parameters"), refused.getMessage());
  }

  @Test
  void keysBelongToOneApiKey() throws StripeException {
    PaymentIntent mine = stripe.v1().paymentIntents()
        .create(confirmedPayment(1500, "pm_card_visa").build(), idempotencyKey("shared-key"));
    PaymentIntent theirs = client("sk_test_another_account").v1().paymentIntents()
        .create(confirmedPayment(1500, "pm_card_visa").build(), idempotencyKey("shared-key"));

    assertNotEquals(mine.getId(), theirs.getId());
  }

  @Test
  void rejectedRequestDoesNotUseUpItsKey() throws Exception {
    InvalidRequestException invalid = assertThrows(InvalidRequestException.class, () -> stripe.v1().paymentIntents()
        .create(confirmedPayment(1500, "pm_card_unheard_of").build(), idempotencyKey("fixed-later")));
    assertEquals("payment_method", invalid.getParam());

    PaymentIntent fixed = stripe.v1().paymentIntents()
        .create(confirmedPayment(1500, "pm_card_visa").build(), idempotencyKey("fixed-later"));

    assertEquals("succeeded", fixed.getStatus());
  }

  @Test
  void keyUsedOnAnotherEndpointIsRefused() throws Exception {
    HttpResponse<String> created = http.send(http.post("/v1/payment_intents", VISA_PAYMENT, "one-key"));
    String intentId = new JsonObject(created.body()).getString("id");

    HttpResponse<String> refund = http.send(http.post("/v1/refunds", "payment_intent=" + intentId, "one-key"));

    assertEquals(400, refund.statusCode());
    assertEquals("idempotency_error", new JsonObject(refund.body()).getJsonObject("error").getString("type"));
  }
}
