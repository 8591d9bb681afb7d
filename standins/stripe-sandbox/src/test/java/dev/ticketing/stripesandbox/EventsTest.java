package dev.ticketing.stripesandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.stripe.Stripe;
import com.stripe.exception.CardException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.Charge;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeCollection;
import com.stripe.param.EventListParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import dev.ticketing.stripesandbox.events.EventJson;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** Events as GET /v1/events serves them, without a webhook endpoint (the events exist regardless). */
class EventsTest extends SandboxTestBase {

  @Test
  void successIsRecordedWithTheIntentAndTheRequestThatCausedIt() throws StripeException {
    PaymentIntent paid = stripe.v1().paymentIntents().create(confirmedPayment(1500, "pm_card_visa").build(),
        idempotencyKey("order-42-pay"));

    Event event = only(stripe.v1().events().list(EventListParams.builder().build()));

    assertTrue(event.getId().startsWith("evt_"), event.getId());
    assertEquals("payment_intent.succeeded", event.getType());
    assertEquals(Stripe.API_VERSION, event.getApiVersion());
    assertFalse(event.getLivemode());
    assertEquals(0L, event.getPendingWebhooks(), "no endpoint is configured");
    assertEquals(paid.getLastResponse().requestId(), event.getRequest().getId());
    assertEquals("order-42-pay", event.getRequest().getIdempotencyKey());
    PaymentIntent inEvent = (PaymentIntent) event.getDataObjectDeserializer().getObject().orElseThrow();
    assertEquals(paid.getId(), inEvent.getId());
    assertEquals("succeeded", inEvent.getStatus());
    assertEquals("order-42", inEvent.getMetadata().get("orderId"));
    assertEquals(event.getId(), stripe.v1().events().retrieve(event.getId()).getId());
  }

  @Test
  void declineRecordsPaymentFailedWithTheLastPaymentError() throws StripeException {
    CardException declined = assertThrows(CardException.class, () -> stripe.v1().paymentIntents()
        .create(confirmedPayment(1500, "pm_card_chargeDeclinedInsufficientFunds").build()));

    Event event = only(stripe.v1().events().list(EventListParams.builder().build()));

    assertEquals("payment_intent.payment_failed", event.getType());
    PaymentIntent inEvent = (PaymentIntent) event.getDataObjectDeserializer().getObject().orElseThrow();
    assertEquals(declined.getStripeError().getPaymentIntent().getId(), inEvent.getId());
    assertEquals("requires_payment_method", inEvent.getStatus());
    assertEquals("insufficient_funds", inEvent.getLastPaymentError().getDeclineCode());
  }

  @Test
  void refundRecordsChargeRefundedWithTheChargeAsItNowStands() throws StripeException {
    PaymentIntent paid = stripe.v1().paymentIntents().create(confirmedPayment(1500, "pm_card_visa").build());
    stripe.v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(paid.getId()).setAmount(500L).build());
    stripe.v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(paid.getId()).build());

    List<Event> refunds = stripe.v1().events().list(EventListParams.builder().setType("charge.refunded").build())
        .getData();

    assertEquals(2, refunds.size());
    Charge whole = (Charge) refunds.get(0).getDataObjectDeserializer().getObject().orElseThrow();
    Charge partly = (Charge) refunds.get(1).getDataObjectDeserializer().getObject().orElseThrow();
    assertEquals(paid.getLatestCharge(), whole.getId());
    assertEquals("charge", whole.getObject());
    assertEquals(paid.getId(), whole.getPaymentIntent());
    assertEquals(1500L, whole.getAmount());
    assertEquals(1500L, whole.getAmountRefunded());
    assertTrue(whole.getRefunded());
    assertEquals(500L, partly.getAmountRefunded());
    assertFalse(partly.getRefunded());
    assertEquals("succeeded", partly.getStatus());
    assertEquals("usd", partly.getCurrency());
    assertEquals("order-42", partly.getMetadata().get("orderId"));
    assertEquals("4242", partly.getPaymentMethodDetails().getCard().getLast4());
  }

  @Test
  void cancelRecordsPaymentIntentCanceled() throws StripeException {
    PaymentIntent open = stripe.v1().paymentIntents().create(PaymentIntentCreateParams.builder()
        .setAmount(900L).setCurrency("usd").build());
    stripe.v1().paymentIntents().cancel(open.getId());

    Event event = only(stripe.v1().events().list(EventListParams.builder().build()));

    assertEquals("payment_intent.canceled", event.getType());
    PaymentIntent inEvent = (PaymentIntent) event.getDataObjectDeserializer().getObject().orElseThrow();
    assertEquals("canceled", inEvent.getStatus());
    assertNotNull(inEvent.getCanceledAt());
  }

  @Test
  void listFiltersByTypeAndPagesNewestFirst() throws StripeException {
    for (int i = 0; i < 6; i++) {
      PaymentIntent paid = stripe.v1().paymentIntents().create(confirmedPayment(1000, "pm_card_visa").build());
      stripe.v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(paid.getId()).build());
    }

    StripeCollection<Event> firstPage = stripe.v1().events().list(EventListParams.builder().setLimit(5L).build());
    List<String> types = StreamSupport.stream(firstPage.autoPagingIterable().spliterator(), false)
        .map(Event::getType).toList();

    assertEquals("/v1/events", firstPage.getUrl());
    assertEquals(12, types.size());
    assertEquals("charge.refunded", types.getFirst(), "newest first");
    assertEquals("payment_intent.succeeded", types.getLast());
    assertEquals(6, typed("payment_intent.succeeded").size());
    assertEquals(6, typed("payment_intent.*").size());
    assertEquals(0, typed("payment_intent.canceled").size());
    assertEquals(12, stripe.v1().events().list(EventListParams.builder().setLimit(100L)
        .addType("charge.refunded").addType("payment_intent.succeeded").build()).getData().size());
    assertEquals(0, stripe.v1().events().list(EventListParams.builder().setDeliverySuccess(false).build())
        .getData().size(), "without an endpoint nothing is pending");
  }

  @Test
  void unknownEventsAndParametersAreRefused() throws Exception {
    InvalidRequestException missing = assertThrows(InvalidRequestException.class,
        () -> stripe.v1().events().retrieve("evt_nothing"));
    assertEquals(404, missing.getStatusCode());
    assertEquals("resource_missing", missing.getCode());

    HttpResponse<String> unknown = http.send(http.authorized("/v1/events?object=charge").GET().build());
    assertEquals(400, unknown.statusCode());
    assertEquals("object", new JsonObject(unknown.body()).getJsonObject("error").getString("param"));
  }

  @Test
  void eventsClaimTheApiVersionOfTheStripeJavaInUse() {
    // EventDataObjectDeserializer.getObject() is empty when the release train differs: keep them equal.
    assertEquals(Stripe.API_VERSION, EventJson.API_VERSION);
  }

  private List<Event> typed(String type) throws StripeException {
    return stripe.v1().events().list(EventListParams.builder().setType(type).setLimit(100L).build()).getData();
  }

  private static Event only(StripeCollection<Event> events) {
    assertEquals(1, events.getData().size(), () -> "events: " + events.getData().stream().map(Event::getType).toList());
    return events.getData().getFirst();
  }
}
