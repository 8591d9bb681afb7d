package dev.ticketing.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.stripe.model.PaymentIntent;
import dev.ticketing.contracts.errors.ApiException;
import dev.ticketing.payments.support.PaymentAnswer;
import dev.ticketing.payments.support.PaymentsTestBase;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Paying an order through the event bus, charged by the Stripe sandbox over real HTTP. */
class CreatePaymentTest extends PaymentsTestBase {

  @ParameterizedTest
  @ValueSource(strings = {"pm_card_visa", "tok_visa"})
  void aGoodCardPaysTheOrderAndTheOrdersServiceCompletesItBeforeThe201(String token) throws Exception {
    String orderId = placeOrder(BUYER, 2050);

    JsonObject paid = pay(BUYER, orderId, token);

    assertEquals(orderId, paid.getString("orderId"));
    assertEquals(24, paid.getString("id").length());
    assertTrue(paid.getString("stripeId").startsWith("pi_"), paid.encode());
    assertEquals("complete", ordersService.status(orderId), "a 201 means the order is complete");
    assertEquals(paid, paymentsCreated.get(0), "the event carries {id, orderId, stripeId}");
    PaymentIntent intent = intent(paid.getString("stripeId"));
    assertEquals("succeeded", intent.getStatus());
    assertEquals(2050L, intent.getAmount(), "the amount comes from the order, in cents");
    assertEquals("usd", intent.getCurrency());
    assertEquals(orderId, intent.getMetadata().get("orderId"));
    JsonObject order = stored(orderId);
    assertEquals(paid.getString("id"), order.getJsonObject("payment").getString("id"));
    assertEquals(paid.getString("stripeId"), order.getJsonObject("intent").getString("id"));
    assertFalse(order.containsKey("attemptKey"), "the attempt is closed");
    assertEquals(0L, order.getLong("version"), "paying is not a change of the orders service's record");
  }

  @Test
  void aDeclinedCardIsA402AndAnotherCardPaysThroughTheSameIntent() throws Exception {
    String orderId = placeOrder(BUYER, 1500);

    ApiException declined = payFailure(BUYER, orderId, "pm_card_chargeDeclined");

    assertEquals(402, declined.status());
    assertEquals("Your card was declined.", declined.getMessage());
    JsonObject order = stored(orderId);
    assertEquals(1, order.getInteger("declines"));
    assertFalse(order.containsKey("payment"));
    assertFalse(order.containsKey("attemptKey"));

    JsonObject paid = pay(BUYER, orderId, "pm_card_visa");

    assertEquals("succeeded", intent(paid.getString("stripeId")).getStatus());
    assertEquals(1, provider.intents.size(), "one intent per order");
    assertEquals(List.of("confirm-" + orderId + "-1", "confirm-" + orderId + "-2"), provider.confirmations,
        "a new attempt, a new key");
  }

  @Test
  void aPaidOrderCannotBePaidAgain() throws Exception {
    String orderId = placeOrder(BUYER, 900);
    pay(BUYER, orderId, "pm_card_visa");

    ApiException again = payFailure(BUYER, orderId, "tok_visa");

    assertEquals(400, again.status());
    assertEquals("Order has already been paid", again.getMessage());
    assertEquals(1, provider.confirmations.size(), "no second charge was even attempted");
  }

  @Test
  void twoRequestsAtOnceChargeOnce() throws Exception {
    String orderId = placeOrder(BUYER, 1200);

    List<PaymentAnswer> answers = payTwiceAtOnce(BUYER, orderId, "pm_card_visa", "pm_card_mastercard");

    JsonObject first = answers.get(0).payment();
    JsonObject second = answers.get(1).payment();
    assertTrue(first != null || second != null, "at least one request is answered with the payment");
    if (first != null && second != null) {
      assertEquals(first, second, "twins get the same payment");
    } else {
      PaymentAnswer lost = answers.get(first == null ? 0 : 1);
      assertEquals("Order has already been paid", lost.refusal().getMessage());
    }
    assertEquals(1200L, paidIntent(orderId).getAmountReceived(), "the one intent took the price once");
    assertEquals(1, provider.intents.stream().map(request -> request.idempotencyKey()).distinct().count());
  }

  @Test
  void anOrderJustCreatedIsPaidBeforeItsEventReachesUs() throws Exception {
    // The buyer pays the order they were just given; our replica has not heard of it yet.
    String orderId = orderPaymentsHasNotHeardOf(BUYER, 3100);

    JsonObject paid = pay(BUYER, orderId, "pm_card_visa");

    assertEquals(3100L, intent(paid.getString("stripeId")).getAmount(), "priced by the orders service's lease");
    String late = deliver(order(orderId, BUYER, 3100)); // its creation event, arriving late
    assertEquals("DUPLICATE", late);
  }

  @Test
  void paymentCreatedIsDeliveredOnceWithoutASecondAnnouncement() throws Exception {
    String orderId = placeOrder(BUYER, 700);

    pay(BUYER, orderId, "tok_visa");

    eventuallyStored(orderId, "the outbox to drain", Duration.ofSeconds(5), order -> order.getJsonArray("outbox").isEmpty());
    assertEquals(1, paymentsCreated.size());
  }
}
