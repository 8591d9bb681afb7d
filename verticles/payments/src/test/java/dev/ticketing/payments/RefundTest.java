package dev.ticketing.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.payments.support.PaymentsTestBase;
import dev.ticketing.platform.delivery.EventListener;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;

/** A payment for an order that is, or becomes, cancelled is refunded automatically. */
class RefundTest extends PaymentsTestBase {

  @Test
  void aPaidOrderThatIsCancelledIsRefundedBeforeTheCancellationIsAcknowledged(Vertx vertx, VertxTestContext test) {
    placeOrder(vertx, BUYER, 3300)
        .compose(orderId -> pay(vertx, BUYER, orderId, "pm_card_visa")
            .compose(paid -> cancel(vertx, orderId, 1)
                .compose(applied -> {
                  test.verify(() -> assertEquals("APPLIED", applied));
                  return stored(orderId);
                })
                .compose(order -> {
                  JsonObject refund = order.getJsonObject("refund");
                  test.verify(() -> assertTrue(refund != null && refund.getString("id").startsWith("re_"), order.encode()));
                  return refund(vertx, refund.getString("id"));
                })
                .compose(refund -> {
                  test.verify(() -> {
                    assertEquals(paid.getString("stripeId"), refund.getPaymentIntent());
                    assertEquals(3300L, refund.getAmount());
                    assertEquals("succeeded", refund.getStatus());
                  });
                  return cancel(vertx, orderId, 1);
                })
                .map(again -> {
                  test.verify(() -> {
                    assertEquals("DUPLICATE", again);
                    assertEquals(1, provider.refunds.size(), "a redelivered cancellation finds the refund recorded");
                  });
                  return again;
                })))
        .onComplete(test.succeedingThenComplete());
  }

  @Test
  void aCancellationThatLandsWhileTheCardIsBeingChargedRefundsThePayment(Vertx vertx, VertxTestContext test) {
    placeOrder(vertx, BUYER, 4100)
        .compose(orderId -> {
          // Stripe took the money; the cancellation reaches our replica before we record the payment.
          provider.afterConfirm(state -> cancel(vertx, orderId, 1).map(state));
          return payFailure(vertx, BUYER, orderId, "pm_card_visa")
              .compose(refused -> {
                test.verify(() -> {
                  assertEquals(400, refused.status());
                  assertEquals("The order was cancelled before the payment completed; your payment has been refunded",
                      refused.getMessage());
                });
                return stored(orderId);
              })
              .compose(order -> {
                test.verify(() -> {
                  assertEquals("cancelled", order.getString("status"));
                  assertTrue(order.getJsonArray("outbox", new JsonArray()).isEmpty(),
                      "no PaymentCreated for an order that is cancelled: nothing to complete");
                });
                return refund(vertx, order.getJsonObject("refund").getString("id"))
                    .map(refund -> {
                      test.verify(() -> {
                        assertEquals(order.getJsonObject("payment").getString("stripeId"), refund.getPaymentIntent());
                        assertEquals(4100L, refund.getAmount());
                        assertTrue(paymentsCreated.isEmpty());
                      });
                      return refund;
                    });
              });
        })
        .onComplete(test.succeedingThenComplete());
  }

  @Test
  void anOrderThatExpiredWhileTheCardWasChargedIsRefundedAndNeverAnswered201(Vertx vertx, VertxTestContext test) {
    placeOrder(vertx, BUYER, 2600)
        .compose(orderId -> {
          // The orders service cancels the order while Stripe charges; its news has not reached us when we record.
          provider.afterConfirm(state -> {
            ordersService.cancel(orderId);
            return Future.succeededFuture(state);
          });
          return payFailure(vertx, BUYER, orderId, "tok_visa")
              .compose(refused -> {
                test.verify(() -> {
                  assertEquals(400, refused.status(), "the orders service answered that the order is cancelled");
                  assertEquals("cancelled", ordersService.status(orderId));
                });
                return stored(orderId);
              })
              .compose(order -> refund(vertx, order.getJsonObject("refund").getString("id")));
        })
        .onComplete(test.succeeding(refund -> test.verify(() -> {
          assertEquals(2600L, refund.getAmount());
          test.completeNow();
        })));
  }

  @Test
  void aRefundThatFailedIsRetriedWhenTheCancellationIsRedelivered(Vertx vertx, VertxTestContext test) {
    placeOrder(vertx, BUYER, 1800)
        .compose(orderId -> pay(vertx, BUYER, orderId, "pm_card_visa")
            .compose(paid -> {
              provider.refundOutages.set(Integer.MAX_VALUE); // Stripe is down
              return refused(cancel(vertx, orderId, 1));
            })
            .compose(code -> {
              test.verify(() -> assertEquals(EventListener.NOT_APPLIED, code, "refused, so the orders relay redelivers it"));
              return stored(orderId);
            })
            .compose(order -> {
              test.verify(() -> {
                assertEquals("cancelled", order.getString("status"), "the cancellation itself is durable");
                assertFalse(order.containsKey("refund"));
              });
              provider.refundOutages.set(0); // Stripe is back
              return cancel(vertx, orderId, 1);
            })
            .compose(redelivered -> {
              test.verify(() -> assertEquals("DUPLICATE", redelivered));
              return stored(orderId);
            })
            .compose(order -> refund(vertx, order.getJsonObject("refund").getString("id")))
            .map(refund -> {
              test.verify(() -> assertEquals(1800L, refund.getAmount()));
              return refund;
            }))
        .onComplete(test.succeedingThenComplete());
  }
}
