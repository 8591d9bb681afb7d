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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Paying an order through the event bus, charged by the Stripe sandbox over real HTTP. */
class CreatePaymentTest extends PaymentsTestBase {

  @ParameterizedTest
  @ValueSource(strings = {"pm_card_visa", "tok_visa"})
  void aGoodCardPaysTheOrderAndTheOrdersServiceCompletesItBeforeThe201(String token, Vertx vertx, VertxTestContext test) {
    placeOrder(vertx, BUYER, 2050)
        .compose(orderId -> pay(vertx, BUYER, orderId, token).compose(paid -> {
          test.verify(() -> {
            assertEquals(orderId, paid.getString("orderId"));
            assertEquals(24, paid.getString("id").length());
            assertTrue(paid.getString("stripeId").startsWith("pi_"), paid.encode());
            assertEquals("complete", ordersService.status(orderId), "a 201 means the order is complete");
            assertEquals(paid, paymentsCreated.get(0), "the event carries {id, orderId, stripeId}");
          });
          return intent(vertx, paid.getString("stripeId"))
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
                  assertEquals(paid.getString("stripeId"), order.getJsonObject("intent").getString("id"));
                  assertFalse(order.containsKey("attemptKey"), "the attempt is closed");
                  assertEquals(0L, order.getLong("version"), "paying is not a change of the orders service's record");
                });
                return order;
              });
        }))
        .onComplete(test.succeedingThenComplete());
  }

  @Test
  void aDeclinedCardIsA402AndAnotherCardPaysThroughTheSameIntent(Vertx vertx, VertxTestContext test) {
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
                assertFalse(order.containsKey("attemptKey"));
              });
              return pay(vertx, BUYER, orderId, "pm_card_visa");
            })
            .compose(paid -> intent(vertx, paid.getString("stripeId")))
            .map(intent -> {
              test.verify(() -> {
                assertEquals("succeeded", intent.getStatus());
                assertEquals(1, provider.intents.size(), "one intent per order");
                assertEquals(List.of("confirm-" + orderId + "-1", "confirm-" + orderId + "-2"), provider.confirmations,
                    "a new attempt, a new key");
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
          assertEquals(1, provider.confirmations.size(), "no second charge was even attempted");
          test.completeNow();
        })));
  }

  @Test
  void twoRequestsAtOnceChargeOnce(Vertx vertx, VertxTestContext test) {
    placeOrder(vertx, BUYER, 1200)
        .compose(orderId -> bothSettled(pay(vertx, BUYER, orderId, "pm_card_visa"), pay(vertx, BUYER, orderId, "pm_card_mastercard"))
            .compose(both -> {
              JsonObject first = both.succeeded(0) ? both.resultAt(0) : null;
              JsonObject second = both.succeeded(1) ? both.resultAt(1) : null;
              test.verify(() -> {
                assertTrue(first != null || second != null, "at least one request is answered with the payment");
                if (first != null && second != null) {
                  assertEquals(first, second, "twins get the same payment");
                } else {
                  ReplyException lost = (ReplyException) both.cause(first == null ? 0 : 1);
                  assertEquals("Order has already been paid", wire(lost).getMessage());
                }
              });
              return stored(orderId);
            })
            .compose(order -> intent(vertx, order.getJsonObject("payment").getString("stripeId"))
                .map(intent -> {
                  test.verify(() -> {
                    assertEquals(1200L, intent.getAmountReceived(), "the one intent took the price once");
                    assertEquals(1, provider.intents.stream().map(request -> request.idempotencyKey()).distinct().count());
                  });
                  return intent;
                })))
        .onComplete(test.succeedingThenComplete());
  }

  @Test
  void anOrderJustCreatedIsPaidBeforeItsEventReachesUs(Vertx vertx, VertxTestContext test) {
    // The buyer pays the order they were just given; our replica has not heard of it yet.
    String orderId = orderPaymentsHasNotHeardOf(BUYER, 3100);
    pay(vertx, BUYER, orderId, "pm_card_visa")
        .compose(paid -> intent(vertx, paid.getString("stripeId")))
        .compose(intent -> {
          test.verify(() -> assertEquals(3100L, intent.getAmount(), "priced by the orders service's lease"));
          return deliver(vertx, order(orderId, BUYER, 3100)); // its creation event, arriving late
        })
        .onComplete(test.succeeding(late -> test.verify(() -> {
          assertEquals("DUPLICATE", late);
          test.completeNow();
        })));
  }

  @Test
  void paymentCreatedIsDeliveredOnceWithoutASecondAnnouncement(Vertx vertx, VertxTestContext test) {
    placeOrder(vertx, BUYER, 700)
        .compose(orderId -> pay(vertx, BUYER, orderId, "tok_visa")
            .compose(paid -> Eventually.await(vertx, 5_000, "the outbox to drain",
                () -> stored(orderId).map(order -> order.getJsonArray("outbox").isEmpty()))))
        .onComplete(test.succeeding(drained -> test.verify(() -> {
          assertEquals(1, paymentsCreated.size());
          test.completeNow();
        })));
  }
}
