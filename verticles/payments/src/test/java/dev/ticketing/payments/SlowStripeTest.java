package dev.ticketing.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.payments.support.PaymentsTestBase;
import dev.ticketing.platform.testing.Eventually;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A double click while Stripe is slow: the second request finds the first one's charge in flight. */
class SlowStripeTest extends PaymentsTestBase {

  @Override
  protected Duration stripeLatency() {
    return Duration.ofMillis(600);
  }

  @Test
  void aTwinRequestWhileTheFirstIsInFlightIsA409AndNothingIsChargedTwice(Vertx vertx, VertxTestContext test) {
    placeOrder(vertx, BUYER, 2500)
        .compose(orderId -> bothSettled(pay(vertx, BUYER, orderId, "tok_visa"), pay(vertx, BUYER, orderId, "tok_visa"))
            .compose(both -> {
              test.verify(() -> assertTrue(both.succeeded(0) ^ both.succeeded(1), "exactly one is answered with a payment"));
              JsonObject paid = both.succeeded(0) ? both.resultAt(0) : both.resultAt(1);
              ReplyException lost = (ReplyException) both.cause(both.succeeded(0) ? 1 : 0);
              test.verify(() -> {
                assertEquals(409, lost.failureCode());
                assertEquals("A payment for this order is already in progress", wire(lost).getMessage());
              });
              return Eventually.await(vertx, 10_000, "PaymentCreated", () -> Future.succeededFuture(!paymentsCreated.isEmpty()))
                  .compose(delivered -> payFailure(vertx, BUYER, orderId, "tok_visa"))
                  .compose(retried -> {
                    test.verify(() -> assertEquals("Order has already been paid", retried.getMessage()));
                    return stored(orderId);
                  })
                  .map(order -> {
                    test.verify(() -> {
                      assertEquals(paid.getString("stripeId"), order.getJsonObject("payment").getString("stripeId"));
                      assertEquals(0, order.getInteger("declines"), "a request in flight is not a decline");
                      assertEquals(1, paymentsCreated.size());
                    });
                    return order;
                  });
            }))
        .onComplete(test.succeedingThenComplete());
  }
}
