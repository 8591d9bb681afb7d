package dev.ticketing.stripesandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.model.StripeCollection;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.RefundListParams;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** GET /v1/refunds through stripe-java: paging, the payment_intent and charge filters, created. */
class RefundListTest extends SandboxTestBase {

  private final SettableClock clock = new SettableClock(Instant.parse("2025-03-01T10:00:00Z"));

  @Override
  Clock clock() {
    return clock;
  }

  @Test
  void autoPagingWalksEveryRefundNewestFirst() throws StripeException {
    PaymentIntent paid = pay(10_000);
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      created.add(refund(paid, 100).getId());
    }

    StripeCollection<Refund> firstPage = stripe.v1().refunds().list(RefundListParams.builder().setLimit(5L).build());
    List<String> walked = StreamSupport.stream(firstPage.autoPagingIterable().spliterator(), false)
        .map(Refund::getId).toList();

    assertEquals(5, firstPage.getData().size());
    assertTrue(firstPage.getHasMore());
    assertEquals("/v1/refunds", firstPage.getUrl());
    assertEquals(created.reversed(), walked);
  }

  @Test
  void filtersByPaymentIntentOrCharge() throws StripeException {
    PaymentIntent first = pay(1000);
    PaymentIntent second = pay(1000);
    Refund a = refund(first, 100);
    Refund b = refund(second, 200);
    Refund c = refund(first, 300);

    assertEquals(List.of(c.getId(), a.getId()),
        ids(RefundListParams.builder().setPaymentIntent(first.getId()).build()));
    assertEquals(List.of(b.getId()), ids(RefundListParams.builder().setCharge(second.getLatestCharge()).build()));
    assertEquals(List.of(), ids(RefundListParams.builder().setPaymentIntent(first.getId())
        .setCharge(second.getLatestCharge()).build()));
    Refund listed = stripe.v1().refunds().list(RefundListParams.builder().setPaymentIntent(second.getId()).build())
        .getData().getFirst();
    assertEquals("refund for order-7", listed.getMetadata().get("note"));
    assertEquals(200L, listed.getAmount());
  }

  @Test
  void createdFilterAndCursorCombine() throws StripeException {
    PaymentIntent paid = pay(1000);
    Refund old = refund(paid, 100);
    clock.advance(Duration.ofMinutes(1));
    long recent = clock.epochSecond();
    Refund r1 = refund(paid, 100);
    Refund r2 = refund(paid, 100);

    RefundListParams.Created since = RefundListParams.Created.builder().setGte(recent).build();
    assertEquals(List.of(r2.getId(), r1.getId()), ids(RefundListParams.builder().setCreated(since).build()));
    StripeCollection<Refund> afterR2 = stripe.v1().refunds().list(RefundListParams.builder().setCreated(since)
        .setStartingAfter(r2.getId()).build());
    assertEquals(List.of(r1.getId()), afterR2.getData().stream().map(Refund::getId).toList());
    assertFalse(afterR2.getHasMore(), "the older refund is filtered out, so nothing more");
    assertEquals(List.of(old.getId()), ids(RefundListParams.builder()
        .setCreated(RefundListParams.Created.builder().setLt(recent).build()).build()));
  }

  @Test
  void unknownListParameterIsRefused() throws Exception {
    HttpResponse<String> response = http.send(http.authorized("/v1/refunds?status=succeeded").GET().build());

    assertEquals(400, response.statusCode());
    JsonObject error = new JsonObject(response.body()).getJsonObject("error");
    assertEquals("parameter_unknown", error.getString("code"));
    assertEquals("status", error.getString("param"));
  }

  private List<String> ids(RefundListParams params) throws StripeException {
    return stripe.v1().refunds().list(params).getData().stream().map(Refund::getId).toList();
  }

  private PaymentIntent pay(long amount) throws StripeException {
    return stripe.v1().paymentIntents().create(confirmedPayment(amount, "pm_card_visa").build());
  }

  private Refund refund(PaymentIntent paid, long amount) throws StripeException {
    return stripe.v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(paid.getId())
        .setAmount(amount).putMetadata("note", "refund for order-7").build());
  }
}
