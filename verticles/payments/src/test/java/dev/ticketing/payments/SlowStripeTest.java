package dev.ticketing.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.payments.support.PaymentsTestBase;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A double click while Stripe is slow: the second request's attempt meets the first one's success, and nobody pays twice. */
class SlowStripeTest extends PaymentsTestBase {

  @Override
  protected Duration stripeLatency() {
    return Duration.ofMillis(600);
  }

  @Test
  void aTwinRequestWhileTheFirstIsInFlightChargesNothingMore(Vertx vertx, VertxTestContext test) {
    placeOrder(vertx, BUYER, 2500)
        .compose(orderId -> bothSettled(pay(vertx, BUYER, orderId, "tok_visa"), pay(vertx, BUYER, orderId, "tok_visa"))
            .compose(both -> {
              test.verify(() -> assertTrue(both.succeeded(0) || both.succeeded(1), "the payment is answered"));
              JsonObject paid = both.succeeded(0) ? both.resultAt(0) : both.resultAt(1);
              for (int i = 0; i < 2; i++) {
                if (both.failed(i)) {
                  String message = wire((ReplyException) both.cause(i)).getMessage();
                  // The twin met the first request's intent creation still running (Stripe's 409), or its success.
                  test.verify(() -> assertTrue(message.equals("Order has already been paid")
                      || message.equals("A payment for this order is already in progress"), message));
                }
              }
              return stored(orderId).compose(order -> intent(vertx, order.getJsonObject("payment").getString("stripeId"))
                  .map(intent -> {
                    test.verify(() -> {
                      assertEquals(paid.getString("stripeId"), intent.getId());
                      assertEquals(2500L, intent.getAmountReceived());
                      assertEquals(0, order.getInteger("declines"), "a request in flight is not a decline");
                      assertEquals("complete", ordersService.status(orderId));
                    });
                    return intent;
                  }));
            }))
        .onComplete(test.succeedingThenComplete());
  }
}
