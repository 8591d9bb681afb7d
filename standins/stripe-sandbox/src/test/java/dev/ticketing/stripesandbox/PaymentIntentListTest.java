package dev.ticketing.stripesandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeCollection;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentListParams;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** GET /v1/payment_intents through stripe-java: order, paging, the created filter, refusals. */
class PaymentIntentListTest extends SandboxTestBase {

  private final SettableClock clock = new SettableClock(Instant.parse("2025-03-01T10:00:00Z"));

  @Override
  Clock clock() {
    return clock;
  }

  @Test
  void autoPagingWalksEveryIntentNewestFirst() throws StripeException {
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      if (i % 3 == 0) {
        clock.advance(Duration.ofSeconds(1)); // three intents share each second: order must still be strict
      }
      created.add(pay(100 + i, "order-" + i).getId());
    }

    StripeCollection<PaymentIntent> firstPage = stripe.v1().paymentIntents()
        .list(PaymentIntentListParams.builder().setLimit(10L).build());
    List<String> walked = StreamSupport.stream(firstPage.autoPagingIterable().spliterator(), false)
        .map(PaymentIntent::getId).toList();

    assertEquals(10, firstPage.getData().size());
    assertTrue(firstPage.getHasMore());
    assertEquals("/v1/payment_intents", firstPage.getUrl());
    assertEquals(created.reversed(), walked);
  }

  @Test
  void defaultPageIsTenAndItemsCarryTheirMetadata() throws StripeException {
    for (int i = 0; i < 12; i++) {
      pay(500, "order-" + i);
    }

    StripeCollection<PaymentIntent> page = stripe.v1().paymentIntents().list(PaymentIntentListParams.builder().build());

    assertEquals(10, page.getData().size());
    assertTrue(page.getHasMore());
    PaymentIntent newest = page.getData().getFirst();
    assertEquals("order-11", newest.getMetadata().get("orderId"));
    assertEquals("succeeded", newest.getStatus());
    assertEquals(500L, newest.getAmount());
  }

  @Test
  void createdFilterSelectsBySecond() throws StripeException {
    long early = clock.epochSecond();
    String a = pay(100, "a").getId();
    String b = pay(100, "b").getId();
    clock.advance(Duration.ofSeconds(10));
    long middle = clock.epochSecond();
    String c = pay(100, "c").getId();
    String d = pay(100, "d").getId();
    clock.advance(Duration.ofSeconds(10));
    String e = pay(100, "e").getId();

    assertEquals(List.of(e, d, c), ids(created().setGte(middle)));
    assertEquals(List.of(e), ids(created().setGt(middle)));
    assertEquals(List.of(b, a), ids(created().setLt(middle)));
    assertEquals(List.of(d, c, b, a), ids(created().setLte(middle)));
    assertEquals(List.of(d, c), ids(created().setGte(middle).setLte(middle)));
    assertEquals(List.of(b, a), ids(PaymentIntentListParams.builder().setCreated(early).build()));
  }

  @Test
  void cursorsPageForwardAndBack() throws StripeException {
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      created.add(pay(100, "order-" + i).getId()); // newest first: 4, 3, 2, 1, 0
    }

    StripeCollection<PaymentIntent> after = stripe.v1().paymentIntents().list(PaymentIntentListParams.builder()
        .setStartingAfter(created.get(3)).setLimit(2L).build());
    assertEquals(List.of(created.get(2), created.get(1)), after.getData().stream().map(PaymentIntent::getId).toList());
    assertTrue(after.getHasMore());

    StripeCollection<PaymentIntent> before = stripe.v1().paymentIntents().list(PaymentIntentListParams.builder()
        .setEndingBefore(created.get(1)).setLimit(2L).build());
    assertEquals(List.of(created.get(3), created.get(2)), before.getData().stream().map(PaymentIntent::getId).toList());
    assertTrue(before.getHasMore(), "the newest intent lies beyond");

    StripeCollection<PaymentIntent> last = stripe.v1().paymentIntents().list(PaymentIntentListParams.builder()
        .setStartingAfter(created.get(1)).setCustomer("cus_ignored").build());
    assertEquals(List.of(created.get(0)), last.getData().stream().map(PaymentIntent::getId).toList());
    assertFalse(last.getHasMore());
  }

  @Test
  void badListParametersAreRefusedLikeStripeDoes() throws Exception {
    assertRefused("/v1/payment_intents?amount=1", "amount", "parameter_unknown");
    assertRefused("/v1/payment_intents?limit=0", "limit", "parameter_invalid_integer");
    assertRefused("/v1/payment_intents?limit=101", "limit", "parameter_invalid_integer");
    assertRefused("/v1/payment_intents?created[gte]=soon", "created[gte]", "parameter_invalid_integer");
    assertRefused("/v1/payment_intents?created[after]=1", "created[after]", "parameter_unknown");

    InvalidRequestException cursor = assertThrows(InvalidRequestException.class, () -> stripe.v1().paymentIntents()
        .list(PaymentIntentListParams.builder().setStartingAfter("pi_nothing").build()));
    assertEquals(400, cursor.getStatusCode());
    assertEquals("resource_missing", cursor.getCode());
    assertEquals("starting_after", cursor.getParam());
  }

  private void assertRefused(String pathAndQuery, String param, String code) throws Exception {
    HttpResponse<String> response = http.send(http.authorized(pathAndQuery).GET().build());
    JsonObject error = new JsonObject(response.body()).getJsonObject("error");
    assertEquals(400, response.statusCode(), response.body());
    assertEquals(param, error.getString("param"), response.body());
    assertEquals(code, error.getString("code"), response.body());
  }

  private PaymentIntent pay(long amount, String orderId) throws StripeException {
    return stripe.v1().paymentIntents().create(PaymentIntentCreateParams.builder()
        .setAmount(amount).setCurrency("usd").setConfirm(true).setPaymentMethod("pm_card_visa")
        .putMetadata("orderId", orderId).build());
  }

  private static PaymentIntentListParams.Created.Builder created() {
    return PaymentIntentListParams.Created.builder();
  }

  private List<String> ids(PaymentIntentListParams.Created.Builder created) throws StripeException {
    return ids(PaymentIntentListParams.builder().setCreated(created.build()).build());
  }

  private List<String> ids(PaymentIntentListParams params) throws StripeException {
    return stripe.v1().paymentIntents().list(params).getData().stream().map(PaymentIntent::getId).toList();
  }
}
