package dev.ticketing.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.stripe.exception.InvalidRequestException;
import com.stripe.param.RefundCreateParams;
import dev.ticketing.payments.support.PaymentsTestBase;
import dev.ticketing.platform.delivery.EventListener;
import dev.ticketing.platform.testing.Eventually;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;

/** The safety net: a payment left unrefunded while Stripe was down is refunded by the periodic sweep. */
class RefundSweepTest extends PaymentsTestBase {

  @Override
  protected long sweepMillis() {
    return 200;
  }

  @Test
  void aCancelledOrderStillHoldingMoneyIsRefundedOnceStripeIsBack(Vertx vertx, VertxTestContext test) {
    placeOrder(vertx, BUYER, 2700)
        .compose(orderId -> pay(vertx, BUYER, orderId, "tok_visa")
            .compose(paid -> {
              provider.refundOutages.set(Integer.MAX_VALUE); // Stripe is down
              return refused(cancel(vertx, orderId, 1))
                  .compose(code -> {
                    test.verify(() -> assertEquals(EventListener.NOT_APPLIED, code));
                    provider.refundOutages.set(0); // Stripe is back; nobody redelivers anything
                    return Eventually.await(vertx, 10_000, "the sweep to refund the order",
                        () -> stored(orderId).map(order -> order.containsKey("refund")));
                  })
                  .compose(swept -> stored(orderId))
                  .compose(order -> refund(vertx, order.getJsonObject("refund").getString("id")))
                  .compose(refund -> {
                    test.verify(() -> {
                      assertEquals(2700L, refund.getAmount());
                      assertEquals(paid.getString("stripeId"), refund.getPaymentIntent());
                    });
                    return anotherRefund(vertx, paid.getString("stripeId"));
                  });
            }))
        .onComplete(test.succeeding(another -> test.verify(() -> {
          assertInstanceOf(InvalidRequestException.class, another, "the whole charge is back already: refunded once");
          assertEquals("charge_already_refunded", ((InvalidRequestException) another).getCode());
          test.completeNow();
        })));
  }

  /** What Stripe says to one more full refund of the charge (with a fresh key, so no replay). */
  private Future<Throwable> anotherRefund(Vertx vertx, String stripeId) {
    return vertx.<Object>executeBlocking(
            () -> stripe.v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(stripeId).build()), false)
        .map(refunded -> (Throwable) new AssertionError("a second full refund was accepted"))
        .recover(Future::succeededFuture);
  }
}
