package dev.ticketing.stripesandbox;

import com.stripe.StripeClient;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts a fresh sandbox on a free port for every test and points the real stripe-java client at it.
 * stripe-java blocks, so tests call it from the JUnit thread, never from an event loop.
 */
@ExtendWith(VertxExtension.class)
abstract class SandboxTestBase {

  static final String API_KEY = "sk_test_sandbox_tests_0001";

  StripeSandbox sandbox;
  StripeClient stripe;
  SandboxHttp http;

  @BeforeEach
  void startSandbox(Vertx vertx, VertxTestContext context) {
    beforeSandbox(vertx).compose(ready -> {
      sandbox = new StripeSandbox(settings(), clock());
      return vertx.deployVerticle(sandbox);
    }).onComplete(context.succeeding(id -> {
      stripe = client(API_KEY);
      http = new SandboxHttp(sandbox.baseUrl());
      context.completeNow();
    }));
  }

  /** Overridden by tests that need something running first, such as a webhook receiver. */
  Future<?> beforeSandbox(Vertx vertx) {
    return Future.succeededFuture();
  }

  /** Overridden by tests that need a slow sandbox or webhooks. */
  SandboxSettings settings() {
    return SandboxSettings.ephemeral();
  }

  /** Overridden by tests that need to control {@code created}. */
  Clock clock() {
    return Clock.systemUTC();
  }

  StripeClient client(String apiKey) {
    return StripeClient.builder().setApiKey(apiKey).setApiBase(sandbox.baseUrl()).build();
  }

  static RequestOptions idempotencyKey(String key) {
    return RequestOptions.builder().setIdempotencyKey(key).build();
  }

  /** A confirmed card payment as the payments service makes it. */
  static PaymentIntentCreateParams.Builder confirmedPayment(long amount, String paymentMethod) {
    return PaymentIntentCreateParams.builder()
        .setAmount(amount)
        .setCurrency("usd")
        .setConfirm(true)
        .setPaymentMethod(paymentMethod)
        .addPaymentMethodType("card")
        .putMetadata("orderId", "order-42");
  }

  /**
   * A confirmed payment with a card token. stripe-java has no typed builder for card data (its
   * PaymentMethodData.Type lists no CARD), so the parameters go in as extra params.
   */
  static PaymentIntentCreateParams.Builder confirmedTokenPayment(long amount, String token) {
    return PaymentIntentCreateParams.builder()
        .setAmount(amount)
        .setCurrency("usd")
        .setConfirm(true)
        .putExtraParam("payment_method_data", Map.of("type", "card", "card", Map.of("token", token)))
        .putMetadata("orderId", "order-43");
  }
}
