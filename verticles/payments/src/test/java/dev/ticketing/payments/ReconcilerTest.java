package dev.ticketing.payments;

import static dev.ticketing.platform.testing.Blocking.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.stripe.model.PaymentIntent;
import dev.ticketing.contracts.errors.ApiException;
import dev.ticketing.payments.support.PaymentAnswer;
import dev.ticketing.payments.support.PaymentsTestBase;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A charge that succeeded at Stripe while its answer was lost (the JVM died, the database failed)
 * is never kept without its order: the attempt was written down before the money moved, and the
 * reconciler records it; or the buyer retries, with another card, and is answered.
 */
class ReconcilerTest extends PaymentsTestBase {

  @Override
  protected long sweepMillis() {
    return 200;
  }

  @Override
  protected long reconcileAfterMillis() {
    return 1_000;
  }

  /** Pays as if the JVM died right after Stripe took the money: nothing after that point ran; the failure. */
  private ApiException payAndLoseTheAnswer(String orderId, String token) throws Exception {
    provider.afterConfirm(state -> {
      provider.afterConfirm(Future::succeededFuture);
      return Future.failedFuture(new IllegalStateException("killed before recording the payment"));
    });
    return payFailure(BUYER, orderId, token);
  }

  @Test
  void aSuccessNobodyRecordedIsRecordedAndTheOrderCompleted() throws Exception {
    String orderId = placeOrder(BUYER, 4400);

    ApiException lost = payAndLoseTheAnswer(orderId, "pm_card_visa");

    assertEquals(500, lost.status());
    eventuallyStored(orderId, "the reconciler to record the payment", Duration.ofSeconds(10),
        order -> order.containsKey("payment"));
    eventually("the orders service to complete the order", Duration.ofSeconds(10),
        () -> "complete".equals(ordersService.status(orderId)));
    assertFalse(stored(orderId).containsKey("attemptKey"));
    assertEquals(1, paymentsCreated.size());
    assertEquals(1, provider.confirmations.size(), "the reconciler asked; it charged nothing");
  }

  @Test
  void aBuyerWhoRetriesWithAnotherCardIsAnsweredAndChargedOnce() throws Exception {
    String orderId = placeOrder(BUYER, 1900);
    payAndLoseTheAnswer(orderId, "pm_card_visa");

    PaymentAnswer retry = attemptPayment(BUYER, orderId, "pm_card_mastercard");

    if (retry.paid()) {
      assertEquals(orderId, retry.payment().getString("orderId"));
    } else { // the reconciler got there first
      assertEquals("Order has already been paid", retry.refusal().getMessage());
    }
    PaymentIntent intent = paidIntent(orderId);
    assertEquals(1900L, intent.getAmountReceived(), "one charge, however many attempts");
    assertEquals("complete", ordersService.status(orderId));
  }

  @Test
  void aStripeWebhookRecordsASuccessAsWell() throws Exception {
    String orderId = placeOrder(BUYER, 800);
    payAndLoseTheAnswer(orderId, "tok_visa");
    String intentId = stored(orderId).getJsonObject("intent").getString("id");

    JsonObject handled = stripeEvent(new JsonObject().put("type", "payment_intent.succeeded")
        .put("intentId", intentId).put("orderId", orderId));

    assertEquals(true, handled.getBoolean("handled"));
    JsonObject order = stored(orderId);
    assertEquals(order.getJsonObject("intent").getString("id"), order.getJsonObject("payment").getString("stripeId"));
  }
}
