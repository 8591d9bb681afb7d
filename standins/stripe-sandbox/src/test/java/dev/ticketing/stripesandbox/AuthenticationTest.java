package dev.ticketing.stripesandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.stripe.exception.AuthenticationException;
import com.stripe.exception.StripeException;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class AuthenticationTest extends SandboxTestBase {

  @Test
  void liveKeyIsRefusedWithoutBeingEchoed() {
    String liveKey = "sk_live_51SecretLiveKeyAbCdEf9876";

    AuthenticationException refused = assertThrows(AuthenticationException.class,
        () -> client(liveKey).v1().paymentIntents().create(confirmedPayment(1500, "pm_card_visa").build()));

    assertEquals(401, refused.getStatusCode());
    assertTrue(refused.getMessage().contains("Invalid API Key provided: sk_live_"), refused.getMessage());
    assertTrue(refused.getMessage().contains("9876"), refused.getMessage());
    assertFalse(refused.getMessage().contains("SecretLiveKey"), refused.getMessage());
  }

  @Test
  void requestWithoutKeyIsRefused() throws Exception {
    HttpResponse<String> response = http.send(http.request("/v1/payment_intents/pi_x").GET().build());

    assertEquals(401, response.statusCode());
    JsonObject error = new JsonObject(response.body()).getJsonObject("error");
    assertEquals("invalid_request_error", error.getString("type"));
    assertTrue(error.getString("message").startsWith("You did not provide an API key"), error.getString("message"));
    assertTrue(response.headers().firstValue("Request-Id").orElseThrow().startsWith("req_"));
  }

  @Test
  void restrictedTestKeysAndBasicAuthAreAccepted() throws Exception {
    assertEquals("succeeded", client("rk_test_restricted_key").v1().paymentIntents()
        .create(confirmedPayment(100, "pm_card_visa").build()).getStatus());

    String basic = Base64.getEncoder().encodeToString((API_KEY + ":").getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response = http.send(http.request("/v1/refunds/re_missing")
        .header("Authorization", "Basic " + basic).GET().build());
    assertEquals(404, response.statusCode(), "authenticated, then not found");
  }

  @Test
  void stripeJavaRefusesToSendWithoutAKey() {
    // stripe-java checks for a blank key itself; the sandbox's 401 covers the keys it does send.
    assertThrows(StripeException.class,
        () -> client(" ").v1().paymentIntents().create(confirmedPayment(100, "pm_card_visa").build()));
  }
}
