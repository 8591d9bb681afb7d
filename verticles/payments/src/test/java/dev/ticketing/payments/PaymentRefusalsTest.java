package dev.ticketing.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.contracts.events.OrderCreated;
import dev.ticketing.payments.support.PaymentsTestBase;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxTestContext;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every reason a payment is refused before any money moves, each with the answer a client sees. */
class PaymentRefusalsTest extends PaymentsTestBase {

  @Test
  void aCancelledOrderCannotBePaid(Vertx vertx, VertxTestContext test) {
    placeOrder(vertx, BUYER, 900)
        .compose(orderId -> cancel(vertx, orderId, 1).compose(cancelled -> payFailure(vertx, BUYER, orderId, "pm_card_visa")))
        .onComplete(test.succeeding(refused -> test.verify(() -> {
          assertEquals(400, refused.status());
          assertEquals("Cannot pay for a cancelled order", refused.getMessage());
          assertTrue(provider.confirmations.isEmpty());
          test.completeNow();
        })));
  }

  @Test
  void someoneElsesOrderIsForbidden(Vertx vertx, VertxTestContext test) {
    placeOrder(vertx, BUYER, 900)
        .compose(orderId -> payFailure(vertx, STRANGER, orderId, "pm_card_visa"))
        .onComplete(test.succeeding(refused -> test.verify(() -> {
          assertEquals(403, refused.status());
          assertEquals("You do not own this order", refused.getMessage());
          assertTrue(provider.confirmations.isEmpty());
          test.completeNow();
        })));
  }

  @ParameterizedTest
  @ValueSource(strings = {"64b0000000000000000000ff", "not-an-id", "64B0000000000000000000FF", "{\"$gt\":\"\"}"})
  void anUnknownOrMalformedOrderIsNotFound(String orderId, Vertx vertx, VertxTestContext test) {
    // Unknown here and at the orders service, or not even an id.
    placeOrder(vertx, BUYER, 900)
        .compose(other -> payFailure(vertx, BUYER, orderId, "pm_card_visa"))
        .onComplete(test.succeeding(refused -> test.verify(() -> {
          assertEquals(404, refused.status());
          assertEquals("Order not found", refused.getMessage());
          test.completeNow();
        })));
  }

  @Test
  void anExpiredOrderCannotBePaid(Vertx vertx, VertxTestContext test) {
    String orderId = newOrderId();
    OrderCreated expired = new OrderCreated(orderId, 0, "created", BUYER, Instant.now().minusSeconds(1), newOrderId(), 900, 0);
    ordersService.place(orderId, BUYER, 900, expired.expiresAt());
    deliver(vertx, expired)
        .compose(created -> payFailure(vertx, BUYER, orderId, "pm_card_visa"))
        .onComplete(test.succeeding(refused -> test.verify(() -> {
          assertEquals(400, refused.status());
          assertEquals("Order has expired", refused.getMessage());
          test.completeNow();
        })));
  }

  @Test
  void withoutASessionItIs401(Vertx vertx, VertxTestContext test) {
    placeOrder(vertx, BUYER, 900)
        .compose(orderId -> payFailure(vertx, null, orderId, "pm_card_visa"))
        .onComplete(test.succeeding(refused -> test.verify(() -> {
          assertEquals(401, refused.status());
          test.completeNow();
        })));
  }

  @ParameterizedTest
  @ValueSource(strings = {"bogus", "", "4242424242424242", "pm_card_nonexistent", "tok_nonexistent", "tok_visa; DROP"})
  void aTokenThatIsNoCardIsA400OnTheTokenField(String token, Vertx vertx, VertxTestContext test) {
    placeOrder(vertx, BUYER, 900)
        .compose(orderId -> payFailure(vertx, BUYER, orderId, token)
            .compose(refused -> {
              test.verify(() -> {
                assertEquals(400, refused.status(), refused.toJson().encode());
                assertEquals("token", refused.errors().get(0).field());
              });
              return stored(orderId);
            }))
        .onComplete(test.succeeding(order -> test.verify(() -> {
          assertFalse(order.containsKey("payment"));
          assertFalse(order.containsKey("attemptKey"), "Stripe refused it: nothing is left to reconcile");
          assertEquals(0, order.getInteger("declines"), "an unusable token is not a declined card");
          test.completeNow();
        })));
  }

  @Test
  void aMissingOrderIdIsAFieldError(Vertx vertx, VertxTestContext test) {
    payFailure(vertx, BUYER, null, "pm_card_visa")
        .onComplete(test.succeeding(refused -> test.verify(() -> {
          assertEquals(400, refused.status());
          assertEquals("orderId", refused.errors().get(0).field());
          test.completeNow();
        })));
  }
}
