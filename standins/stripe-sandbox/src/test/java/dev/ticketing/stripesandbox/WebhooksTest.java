package dev.ticketing.stripesandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.stripe.exception.CardException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Charge;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.net.Webhook;
import com.stripe.param.EventListParams;
import com.stripe.param.PaymentIntentConfirmParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import dev.ticketing.stripesandbox.WebhookReceiver.Delivery;
import dev.ticketing.stripesandbox.webhooks.WebhookEndpoint;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Webhooks sent to a real local receiver that verifies them with stripe-java, as the payments service does. */
class WebhooksTest extends SandboxTestBase {

  static final String SECRET = "whsec_sandbox_tests_5e3c1b";

  WebhookReceiver receiver;

  @Override
  Future<?> beforeSandbox(Vertx vertx) {
    return WebhookReceiver.start(vertx, SECRET).onSuccess(started -> receiver = started);
  }

  @Override
  SandboxSettings settings() {
    return SandboxSettings.ephemeral().withWebhook(WebhookEndpoint.of(receiver.url(), SECRET));
  }

  @Test
  void successIsSentSignedAsStripeSignsIt() throws Exception {
    PaymentIntent paid = stripe.v1().paymentIntents().create(confirmedPayment(1500, "pm_card_visa")
        .putMetadata("buyer", "Zoë").build(), idempotencyKey("order-42-pay"));

    Delivery delivery = receiver.next();

    assertTrue(delivery.verified(), "Webhook.constructEvent accepted it");
    assertEquals("application/json; charset=utf-8", delivery.contentType());
    assertEquals("Stripe/1.0 (+https://stripe.com/docs/webhooks)", delivery.userAgent());
    assertTrue(delivery.signature().matches("t=\\d+,v1=[0-9a-f]{64}"), delivery.signature());
    Event event = delivery.event();
    assertEquals("payment_intent.succeeded", event.getType());
    assertEquals(1L, event.getPendingWebhooks());
    assertEquals("order-42-pay", event.getRequest().getIdempotencyKey());
    assertEquals(paid.getLastResponse().requestId(), event.getRequest().getId());
    PaymentIntent inEvent = (PaymentIntent) event.getDataObjectDeserializer().getObject().orElseThrow();
    assertEquals(paid.getId(), inEvent.getId());
    assertEquals("Zoë", inEvent.getMetadata().get("buyer"), "UTF-8 signed and sent as such");
    assertEquals(event.getId(), stripe.v1().events().retrieve(event.getId()).getId());
  }

  @Test
  void tamperedBodyOrWrongSecretIsRejected() throws Exception {
    stripe.v1().paymentIntents().create(confirmedPayment(1500, "pm_card_visa").build());
    Delivery delivery = receiver.next();

    assertThrows(SignatureVerificationException.class, () -> Webhook.constructEvent(
        delivery.body().replace("1500", "15"), delivery.signature(), SECRET));
    assertThrows(SignatureVerificationException.class, () -> Webhook.constructEvent(
        delivery.body(), delivery.signature(), "whsec_someone_else"));
    assertTrue(delivery.verified(), "and the untouched body with the right secret passes");
  }

  @Test
  void failedDeliveryIsRetriedUntilTheReceiverAccepts() throws Exception {
    receiver.answerNext(500);
    PaymentIntent paid = stripe.v1().paymentIntents().create(confirmedPayment(1500, "pm_card_visa").build());

    Delivery refused = receiver.next();
    Delivery accepted = receiver.next();

    assertEquals(500, refused.answered());
    assertEquals(200, accepted.answered());
    assertEquals(refused.event().getId(), accepted.event().getId());
    assertEquals(refused.body(), accepted.body(), "the same event, re-signed");
    assertTrue(accepted.verified());
    // The next event of this intent goes out only once the first was settled, so its state is final by now.
    stripe.v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(paid.getId()).build());
    assertEquals("charge.refunded", receiver.next().event().getType());
    assertEquals(0L, stripe.v1().events().retrieve(accepted.event().getId()).getPendingWebhooks());
  }

  @Test
  void eventsOfOneIntentArriveInOrderEvenAcrossRetries() throws Exception {
    receiver.answerNext(500);
    CardException declined = assertThrows(CardException.class,
        () -> stripe.v1().paymentIntents().create(confirmedPayment(1500, "pm_card_chargeDeclined").build()));
    String id = declined.getStripeError().getPaymentIntent().getId();
    stripe.v1().paymentIntents().confirm(id, PaymentIntentConfirmParams.builder().setPaymentMethod("pm_card_visa")
        .build());
    stripe.v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(id).setAmount(400L).build());

    List<Delivery> deliveries = receiver.next(4);

    assertEquals(List.of("payment_intent.payment_failed/500", "payment_intent.payment_failed/200",
        "payment_intent.succeeded/200", "charge.refunded/200"),
        deliveries.stream().map(d -> d.event().getType() + "/" + d.answered()).toList());
    PaymentIntent failed = (PaymentIntent) deliveries.get(0).event().getDataObjectDeserializer().getObject()
        .orElseThrow();
    assertEquals("generic_decline", failed.getLastPaymentError().getDeclineCode());
    Charge refunded = (Charge) deliveries.get(3).event().getDataObjectDeserializer().getObject().orElseThrow();
    assertEquals(id, refunded.getPaymentIntent());
    assertEquals(400L, refunded.getAmountRefunded());
    assertEquals("order-42", refunded.getMetadata().get("orderId"));
  }

  @Test
  void aFailingIntentDoesNotHoldBackAnother() throws Exception {
    receiver.failWhile(body -> "stuck".equals(orderId(body)));
    stripe.v1().paymentIntents().create(confirmedPayment(1500, "pm_card_visa").putMetadata("orderId", "stuck")
        .build());
    assertEquals(500, receiver.next().answered());

    stripe.v1().paymentIntents().create(confirmedPayment(700, "pm_card_visa").putMetadata("orderId", "free").build());

    // The stuck intent keeps failing (and retrying) throughout; the other one is delivered all the same.
    Delivery delivered = receiver.next();
    while ("stuck".equals(orderId(delivered.body()))) {
      assertEquals(500, delivered.answered());
      delivered = receiver.next();
    }
    assertEquals("free", orderId(delivered.body()));
    assertEquals(200, delivered.answered());
  }

  @Test
  void theApiAnswersWhileAWebhookIsStillUnanswered() throws Exception {
    receiver.holdAnswers();
    stripe.v1().paymentIntents().create(confirmedPayment(1500, "pm_card_visa").build());
    assertEquals("payment_intent.succeeded", receiver.next().event().getType()); // arrived, not answered

    PaymentIntent open = stripe.v1().paymentIntents().create(PaymentIntentCreateParams.builder()
        .setAmount(300L).setCurrency("usd").build());
    PaymentIntent canceled = stripe.v1().paymentIntents().cancel(open.getId());

    assertEquals("canceled", canceled.getStatus());
    assertEquals("payment_intent.canceled", receiver.next().event().getType(), "another intent is not held back");
    receiver.releaseAnswers();
  }

  @Test
  void replayedIdempotentRequestRecordsAndSendsNoSecondEvent() throws Exception {
    stripe.v1().paymentIntents().create(confirmedPayment(1500, "pm_card_visa").build(), idempotencyKey("once"));
    stripe.v1().paymentIntents().create(confirmedPayment(1500, "pm_card_visa").build(), idempotencyKey("once"));

    assertEquals(1, stripe.v1().events().list(EventListParams.builder().build()).getData().size());
    assertEquals("once", receiver.next().event().getRequest().getIdempotencyKey());
  }

  private static String orderId(String body) {
    return new JsonObject(body).getJsonObject("data").getJsonObject("object").getJsonObject("metadata")
        .getString("orderId");
  }
}
