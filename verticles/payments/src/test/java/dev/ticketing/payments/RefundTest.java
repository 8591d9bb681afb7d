package dev.ticketing.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.stripe.model.Refund;
import dev.ticketing.contracts.errors.ApiException;
import dev.ticketing.payments.support.PaymentsTestBase;
import dev.ticketing.platform.delivery.EventListener;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** A payment for an order that is, or becomes, cancelled is refunded automatically. */
class RefundTest extends PaymentsTestBase {

  @Test
  void aPaidOrderThatIsCancelledIsRefundedBeforeTheCancellationIsAcknowledged() throws Exception {
    String orderId = placeOrder(BUYER, 3300);
    JsonObject paid = pay(BUYER, orderId, "pm_card_visa");

    assertEquals("APPLIED", cancel(orderId, 1));

    JsonObject order = stored(orderId);
    JsonObject recorded = order.getJsonObject("refund");
    assertTrue(recorded != null && recorded.getString("id").startsWith("re_"), order.encode());
    Refund refund = refund(recorded.getString("id"));
    assertEquals(paid.getString("stripeId"), refund.getPaymentIntent());
    assertEquals(3300L, refund.getAmount());
    assertEquals("succeeded", refund.getStatus());

    assertEquals("DUPLICATE", cancel(orderId, 1)); // the orders relay delivers it again
    assertEquals(1, provider.refunds.size(), "a redelivered cancellation finds the refund recorded");
  }

  @Test
  void aCancellationThatLandsWhileTheCardIsBeingChargedRefundsThePayment() throws Exception {
    String orderId = placeOrder(BUYER, 4100);
    // Stripe took the money; the cancellation reaches our replica before we record the payment.
    provider.afterConfirm(state -> cancelling(orderId, 1).map(state));

    ApiException refused = payFailure(BUYER, orderId, "pm_card_visa");

    assertEquals(400, refused.status());
    assertEquals("The order was cancelled before the payment completed; your payment has been refunded",
        refused.getMessage());
    JsonObject order = stored(orderId);
    assertEquals("cancelled", order.getString("status"));
    assertTrue(order.getJsonArray("outbox", new JsonArray()).isEmpty(),
        "no PaymentCreated for an order that is cancelled: nothing to complete");
    Refund refund = recordedRefund(orderId);
    assertEquals(order.getJsonObject("payment").getString("stripeId"), refund.getPaymentIntent());
    assertEquals(4100L, refund.getAmount());
    assertTrue(paymentsCreated.isEmpty());
  }

  @Test
  void anOrderThatExpiredWhileTheCardWasChargedIsRefundedAndNeverAnswered201() throws Exception {
    String orderId = placeOrder(BUYER, 2600);
    // The orders service cancels the order while Stripe charges; its news has not reached us when we record.
    provider.afterConfirm(state -> {
      ordersService.cancel(orderId);
      return Future.succeededFuture(state);
    });

    ApiException refused = payFailure(BUYER, orderId, "tok_visa");

    assertEquals(400, refused.status(), "the orders service answered that the order is cancelled");
    assertEquals("cancelled", ordersService.status(orderId));
    assertEquals(2600L, recordedRefund(orderId).getAmount());
  }

  @Test
  void aRefundThatFailedIsRetriedWhenTheCancellationIsRedelivered() throws Exception {
    String orderId = placeOrder(BUYER, 1800);
    pay(BUYER, orderId, "pm_card_visa");
    provider.refundOutages.set(Integer.MAX_VALUE); // Stripe is down

    assertEquals(EventListener.NOT_APPLIED, cancelRefused(orderId, 1), "refused, so the orders relay redelivers it");
    JsonObject order = stored(orderId);
    assertEquals("cancelled", order.getString("status"), "the cancellation itself is durable");
    assertFalse(order.containsKey("refund"));

    provider.refundOutages.set(0); // Stripe is back
    assertEquals("DUPLICATE", cancel(orderId, 1));
    assertEquals(1800L, recordedRefund(orderId).getAmount());
  }
}
