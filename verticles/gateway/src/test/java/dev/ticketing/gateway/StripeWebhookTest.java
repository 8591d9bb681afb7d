package dev.ticketing.gateway;

import static dev.ticketing.platform.testing.Blocking.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ticketing.contracts.commands.Command;
import dev.ticketing.gateway.support.GatewayFixture;
import dev.ticketing.gateway.support.GatewayFixture.Running;
import io.vertx.core.CompositeFuture;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Stripe's webhook: only an event signed with our secret, over its exact body and recently, reaches payments. */
@ExtendWith(VertxExtension.class)
class StripeWebhookTest {

  private Running gateway;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    gateway = GatewayFixture.running(vertx,
        services -> services.on(Command.STRIPE_EVENT, message -> message.reply(new JsonObject().put("handled", true))));
  }

  private static String event(String type) {
    return new JsonObject().put("id", "evt_1").put("object", "event").put("type", type)
        .put("data", new JsonObject().put("object", new JsonObject().put("id", "pi_123").put("object", "payment_intent")
            .put("status", "succeeded").put("metadata", new JsonObject().put("orderId", "6b0f2c8ba3dad17cbf3d1835"))))
        .encode();
  }

  static String sign(String payload, long timestamp, String secret) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String signature = HexFormat.of().formatHex(mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8)));
    return "t=" + timestamp + ",v1=" + signature;
  }

  private Future<HttpResponse<Buffer>> post(String payload, String signature) {
    var request = gateway.http().post("/api/webhooks/stripe").putHeader("Content-Type", "application/json");
    if (signature != null) {
      request.putHeader("Stripe-Signature", signature);
    }
    return request.sendBuffer(Buffer.buffer(payload));
  }

  /** Posts {@code payload} signed now with our secret, as Stripe sends it; the answer. */
  private HttpResponse<Buffer> postSigned(String payload) throws Exception {
    return await(post(payload, sign(payload, now(), GatewayFixture.WEBHOOK_SECRET)));
  }

  private static long now() {
    return System.currentTimeMillis() / 1000;
  }

  @Test
  void aSignedEventReachesPaymentsWithItsFacts() throws Exception {
    HttpResponse<Buffer> response = postSigned(event("payment_intent.succeeded"));

    assertEquals(200, response.statusCode());
    assertEquals(1, gateway.services().received.size());
    JsonObject facts = (JsonObject) gateway.services().received.get(0).body();
    assertEquals(new JsonObject().put("type", "payment_intent.succeeded").put("intentId", "pi_123")
        .put("orderId", "6b0f2c8ba3dad17cbf3d1835"), facts);
  }

  @Test
  void aTamperedBodyAWrongSecretAnOldTimestampOrNoSignatureAreRefused() throws Exception {
    String payload = event("payment_intent.succeeded");
    String signed = sign(payload, now(), GatewayFixture.WEBHOOK_SECRET);

    CompositeFuture all = await(Future.all(
        post(payload.replace("pi_123", "pi_999"), signed),
        post(payload, sign(payload, now(), "whsec_someone_else")),
        post(payload, sign(payload, now() - 3600, GatewayFixture.WEBHOOK_SECRET)),
        post(payload, null)));

    for (int i = 0; i < all.size(); i++) {
      HttpResponse<Buffer> response = all.resultAt(i);
      assertEquals(400, response.statusCode(), "case " + i);
      assertEquals("The Stripe-Signature header does not match the body",
          response.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0).getString("message"));
    }
    assertEquals(0, gateway.services().received.size(), "nothing unverified reaches payments");
  }

  @Test
  void aSignedEventOfAnotherTypeIsAcknowledgedAndIgnored() throws Exception {
    HttpResponse<Buffer> response = postSigned(event("customer.created"));

    assertEquals(200, response.statusCode());
    assertEquals(0, gateway.services().received.size());
  }
}
