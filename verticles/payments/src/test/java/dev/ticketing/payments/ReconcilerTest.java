package dev.ticketing.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.ticketing.payments.support.PaymentsTestBase;
import dev.ticketing.platform.testing.Eventually;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxTestContext;
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

  /** As if the JVM died right after Stripe took the money: nothing after this point runs. */
  private void loseTheAnswerOfTheNextConfirmation() {
    provider.afterConfirm(state -> {
      provider.afterConfirm(Future::succeededFuture);
      return Future.failedFuture(new IllegalStateException("killed before recording the payment"));
    });
  }

  @Test
  void aSuccessNobodyRecordedIsRecordedAndTheOrderCompleted(Vertx vertx, VertxTestContext test) {
    placeOrder(vertx, BUYER, 4400)
        .compose(orderId -> {
          loseTheAnswerOfTheNextConfirmation();
          return payFailure(vertx, BUYER, orderId, "pm_card_visa")
              .compose(lost -> {
                test.verify(() -> assertEquals(500, lost.status()));
                return Eventually.await(vertx, 10_000, "the reconciler to record the payment",
                    () -> stored(orderId).map(order -> order.containsKey("payment")));
              })
              .compose(recorded -> Eventually.await(vertx, 10_000, "the orders service to complete the order",
                  () -> Future.succeededFuture("complete".equals(ordersService.status(orderId)))))
              .compose(completed -> stored(orderId));
        })
        .onComplete(test.succeeding(order -> test.verify(() -> {
          assertFalse(order.containsKey("attemptKey"));
          assertEquals(1, paymentsCreated.size());
          assertEquals(1, provider.confirmations.size(), "the reconciler asked; it charged nothing");
          test.completeNow();
        })));
  }

  @Test
  void aBuyerWhoRetriesWithAnotherCardIsAnsweredAndChargedOnce(Vertx vertx, VertxTestContext test) {
    placeOrder(vertx, BUYER, 1900)
        .compose(orderId -> {
          loseTheAnswerOfTheNextConfirmation();
          return payFailure(vertx, BUYER, orderId, "pm_card_visa")
              .compose(lost -> pay(vertx, BUYER, orderId, "pm_card_mastercard")
                  .recover(alreadyRecorded -> payFailure(vertx, BUYER, orderId, "pm_card_mastercard")
                      .map(refusal -> new JsonObject().put("refusal", refusal.getMessage()))))
              .compose(answer -> stored(orderId).compose(order ->
                  intent(vertx, order.getJsonObject("payment").getString("stripeId")).map(intent -> {
                    test.verify(() -> {
                      if (answer.containsKey("refusal")) { // the reconciler got there first
                        assertEquals("Order has already been paid", answer.getString("refusal"));
                      } else {
                        assertEquals(orderId, answer.getString("orderId"));
                      }
                      assertEquals(1900L, intent.getAmountReceived(), "one charge, however many attempts");
                      assertEquals("complete", ordersService.status(orderId));
                    });
                    return intent;
                  })));
        })
        .onComplete(test.succeedingThenComplete());
  }

  @Test
  void aStripeWebhookRecordsASuccessAsWell(Vertx vertx, VertxTestContext test) {
    placeOrder(vertx, BUYER, 800)
        .compose(orderId -> {
          loseTheAnswerOfTheNextConfirmation();
          return payFailure(vertx, BUYER, orderId, "tok_visa")
              .compose(lost -> stored(orderId))
              .compose(order -> stripeEvent(vertx, new JsonObject().put("type", "payment_intent.succeeded")
                  .put("intentId", order.getJsonObject("intent").getString("id")).put("orderId", orderId)))
              .compose(handled -> {
                test.verify(() -> assertEquals(true, handled.getBoolean("handled")));
                return stored(orderId);
              });
        })
        .onComplete(test.succeeding(order -> test.verify(() -> {
          assertEquals(order.getJsonObject("intent").getString("id"), order.getJsonObject("payment").getString("stripeId"));
          test.completeNow();
        })));
  }
}
