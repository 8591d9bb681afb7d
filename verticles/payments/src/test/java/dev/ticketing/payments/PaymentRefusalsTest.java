package dev.ticketing.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.contracts.errors.ApiException;
import dev.ticketing.payments.support.PaymentsTestBase;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every reason a payment is refused before any money moves, each with the answer a client sees.
 * The buyer has an unpaid order throughout, so a refusal is never just an empty replica's.
 */
class PaymentRefusalsTest extends PaymentsTestBase {

  private String unpaidOrder;

  @BeforeEach
  void placeAnUnpaidOrder() throws Exception {
    unpaidOrder = placeOrder(BUYER, 900);
  }

  @Test
  void aCancelledOrderCannotBePaid() throws Exception {
    cancel(unpaidOrder, 1);

    ApiException refused = payFailure(BUYER, unpaidOrder, "pm_card_visa");

    assertEquals(400, refused.status());
    assertEquals("Cannot pay for a cancelled order", refused.getMessage());
    assertTrue(provider.confirmations.isEmpty());
  }

  @Test
  void someoneElsesOrderIsForbidden() throws Exception {
    ApiException refused = payFailure(STRANGER, unpaidOrder, "pm_card_visa");

    assertEquals(403, refused.status());
    assertEquals("You do not own this order", refused.getMessage());
    assertTrue(provider.confirmations.isEmpty());
  }

  @ParameterizedTest
  @ValueSource(strings = {"64b0000000000000000000ff", "not-an-id", "64B0000000000000000000FF", "{\"$gt\":\"\"}"})
  void anUnknownOrMalformedOrderIsNotFound(String orderId) throws Exception {
    // Unknown here and at the orders service, or not even an id.
    ApiException refused = payFailure(BUYER, orderId, "pm_card_visa");

    assertEquals(404, refused.status());
    assertEquals("Order not found", refused.getMessage());
  }

  @Test
  void anExpiredOrderCannotBePaid() throws Exception {
    String expired = placeOrder(BUYER, 900, Instant.now().minusSeconds(1));

    ApiException refused = payFailure(BUYER, expired, "pm_card_visa");

    assertEquals(400, refused.status());
    assertEquals("Order has expired", refused.getMessage());
  }

  @Test
  void withoutASessionItIs401() throws Exception {
    assertEquals(401, payFailure(null, unpaidOrder, "pm_card_visa").status());
  }

  @ParameterizedTest
  @ValueSource(strings = {"bogus", "", "4242424242424242", "pm_card_nonexistent", "tok_nonexistent", "tok_visa; DROP"})
  void aTokenThatIsNoCardIsA400OnTheTokenField(String token) throws Exception {
    ApiException refused = payFailure(BUYER, unpaidOrder, token);

    assertEquals(400, refused.status(), refused.toJson().encode());
    assertEquals("token", refused.errors().get(0).field());
    JsonObject order = stored(unpaidOrder);
    assertFalse(order.containsKey("payment"));
    assertFalse(order.containsKey("attemptKey"), "Stripe refused it: nothing is left to reconcile");
    assertEquals(0, order.getInteger("declines"), "an unusable token is not a declined card");
  }

  @Test
  void aMissingOrderIdIsAFieldError() throws Exception {
    ApiException refused = payFailure(BUYER, null, "pm_card_visa");

    assertEquals(400, refused.status());
    assertEquals("orderId", refused.errors().get(0).field());
  }
}
