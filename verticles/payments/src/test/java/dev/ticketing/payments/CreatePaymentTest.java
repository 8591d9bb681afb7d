package dev.ticketing.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.payments.support.PaymentsTestBase;
import dev.ticketing.platform.testing.Eventually;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Paying an order through the event bus, charged by the Stripe sandbox over real HTTP. */
class CreatePaymentTest extends PaymentsTestBase {

  @ParameterizedTest
  @ValueSource(strings = {"pm_card_visa", "tok_visa"})
  void aGoodCardPaysTheOrderAndTellsTheOrdersService(String token, Vertx vertx, VertxTestContext test) {
    placeOrder(vertx, BUYER, 2050)
        .compose(orderId -> pay(vertx, BUYER, orderId, token).compose(paid -> {
          test.verify(() -> {
            assertEquals(orderId, paid.getString("orderId"));
            assertEquals(24, paid.getString("id").length());
            assertTrue(paid.getString("stripeId").startsWith("pi_"), paid.encode());
          });
          return Eventually.await(vertx, 10_000, "PaymentCreated at the orders service",
                  () -> Future.succeededFuture(!paymentsCreated.isEmpty()))
              .compose(delivered -> {
                test.verify(() -> assertEquals(paid, paymentsCreated.get(0), "the event carries {id, orderId, stripeId}"));
                return intent(vertx, paid.getString("stripeId"));
              })
              .compose(intent -> {
                test.verify(() -> {
                  assertEquals("succeeded", intent.getStatus());
                  assertEquals(2050L, intent.getAmount(), "the amount comes from the order, in cents");
                  assertEquals("usd", intent.getCurrency());
                  assertEquals(orderId, intent.getMetadata().get("orderId"));
                });
                return stored(orderId);
              })
              .map(order -> {
                test.verify(() -> {
                  assertEquals(paid.getString("id"), order.getJsonObject("payment").getString("id"));
                  assertEquals(paid.getString("stripeId"), order.getJsonObject("payment").getString("stripeId"));
                  assertEquals(0L, order.getLong("version"), "paying is not a change of the orders service's record");
                });
                return order;
              });
        }))
        .onComplete(test.succeedingThenComplete());
  }

  @Test
  void aDeclinedCardIsA402AndTheOrderStaysPayable(Vertx vertx, VertxTestContext test) {
    placeOrder(vertx, BUYER, 1500)
        .compose(orderId -> payFailure(vertx, BUYER, orderId, "pm_card_chargeDeclined")
            .compose(declined -> {
              test.verify(() -> {
                assertEquals(402, declined.status());
                assertEquals("Your card was declined.", declined.getMessage());
              });
              return stored(orderId);
            })
            .compose(order -> {
              test.verify(() -> {
                assertEquals(1, order.getInteger("declines"));
                assertFalse(order.containsKey("payment"));
              });
              return pay(vertx, BUYER, orderId, "pm_card_visa");
            })
            .compose(paid -> intent(vertx, paid.getString("stripeId")))
            .map(intent -> {
              test.verify(() -> {
                assertEquals("succeeded", intent.getStatus());
                assertEquals(2, gateway.charges.size());
                assertEquals("pay-" + orderId + "-0", gateway.charges.get(0).idempotencyKey());
                assertEquals("pay-" + orderId + "-1", gateway.charges.get(1).idempotencyKey(), "a new attempt, a new key");
              });
              return intent;
            }))
        .onComplete(test.succeedingThenComplete());
  }

  @Test
  void aPaidOrderCannotBePaidAgain(Vertx vertx, VertxTestContext test) {
    placeOrder(vertx, BUYER, 900)
        .compose(orderId -> pay(vertx, BUYER, orderId, "pm_card_visa")
            .compose(first -> payFailure(vertx, BUYER, orderId, "tok_visa")))
        .onComplete(test.succeeding(again -> test.verify(() -> {
          assertEquals(400, again.status());
          assertEquals("Order has already been paid", again.getMessage());
          assertEquals(1, gateway.charges.size(), "no second charge was even attempted");
          test.completeNow();
        })));
  }

  @Test
  void twoIdenticalRequestsAtOnceChargeOnce(Vertx vertx, VertxTestContext test) {
    placeOrder(vertx, BUYER, 1200)
        .compose(orderId -> bothSettled(pay(vertx, BUYER, orderId, "pm_card_visa"), pay(vertx, BUYER, orderId, "pm_card_visa"))
            .compose(both -> {
              JsonObject first = both.succeeded(0) ? both.resultAt(0) : null;
              JsonObject second = both.succeeded(1) ? both.resultAt(1) : null;
              test.verify(() -> {
                assertTrue(first != null || second != null, "at least one request is answered with the payment");
                if (first != null && second != null) {
                  assertEquals(first, second, "twins get the same payment, i.e. the same charge");
                } else {
                  Throwable lost = both.cause(first == null ? 0 : 1);
                  assertEquals(409, wire((ReplyException) lost).status());
                }
              });
              String stripeId = (first != null ? first : second).getString("stripeId");
              return Eventually.await(vertx, 10_000, "PaymentCreated", () -> Future.succeededFuture(!paymentsCreated.isEmpty()))
                  .compose(delivered -> stored(orderId))
                  .map(order -> {
                    test.verify(() -> {
                      assertEquals(stripeId, order.getJsonObject("payment").getString("stripeId"));
                      assertTrue(order.getJsonArray("outbox").isEmpty());
                      assertEquals(1, paymentsCreated.size(), "one payment, announced once");
                      assertTrue(gateway.charges.stream().allMatch(c -> c.idempotencyKey().equals("pay-" + orderId + "-0")),
                          "every attempt at Stripe carried the same key, so Stripe charged once");
                    });
                    return order;
                  });
            }))
        .onComplete(test.succeedingThenComplete());
  }
}
