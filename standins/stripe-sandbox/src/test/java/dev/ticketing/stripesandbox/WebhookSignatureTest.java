package dev.ticketing.stripesandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import dev.ticketing.stripesandbox.webhooks.WebhookSignature;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The signature alone, checked against stripe-java's own implementation of Stripe's scheme. */
class WebhookSignatureTest {

  private static final String SECRET = "whsec_signature_tests";
  private static final String PAYLOAD = "{\n  \"id\" : \"evt_1\",\n  \"object\" : \"event\",\n"
      + "  \"type\" : \"payment_intent.succeeded\",\n  \"data\" : { \"object\" : { \"note\" : \"café\" } }\n}";

  @Test
  void matchesWhatStripeJavaComputes() throws Exception {
    long t = 1_735_689_600L;

    assertEquals(Webhook.Signature.generateSignatureHeader(PAYLOAD, SECRET, t),
        WebhookSignature.header(SECRET, t, PAYLOAD));
  }

  @Test
  void aFreshSignatureIsAcceptedAndAnythingElseIsNot() throws Exception {
    String header = WebhookSignature.header(SECRET, Instant.now().getEpochSecond(), PAYLOAD);

    Event event = Webhook.constructEvent(PAYLOAD, header, SECRET);
    assertEquals("evt_1", event.getId());

    assertThrows(SignatureVerificationException.class,
        () -> Webhook.constructEvent(PAYLOAD.replace("café", "cafe"), header, SECRET));
    assertThrows(SignatureVerificationException.class,
        () -> Webhook.constructEvent(PAYLOAD, header, "whsec_another_endpoint"));
    String stale = WebhookSignature.header(SECRET, Instant.now().getEpochSecond() - 600, PAYLOAD);
    assertThrows(SignatureVerificationException.class, () -> Webhook.constructEvent(PAYLOAD, stale, SECRET),
        "older than stripe-java's five-minute tolerance: why every retry is signed anew");
  }
}
