package dev.ticketing.payments.gateway;

import com.stripe.StripeClient;
import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import dev.ticketing.payments.domain.CardToken;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link PaymentGateway} over stripe-java: one PaymentIntent per charge, confirmed on creation.
 * stripe-java blocks on HTTP, so every call runs on a worker thread. Every call sets our own
 * idempotency key (stripe-java would otherwise invent a random one, and a retry would charge again).
 */
public final class StripePaymentGateway implements PaymentGateway {

  private static final Logger log = LoggerFactory.getLogger(StripePaymentGateway.class);
  private static final String SUCCEEDED = "succeeded";

  private final Vertx vertx;
  private final StripeClient stripe;

  public StripePaymentGateway(Vertx vertx, StripeSettings settings) {
    this.vertx = vertx;
    StripeClient.StripeClientBuilder builder = StripeClient.builder()
        .setApiKey(settings.apiKey())
        .setConnectTimeout(settings.timeoutMillis())
        .setReadTimeout(settings.timeoutMillis())
        .setMaxNetworkRetries(settings.maxNetworkRetries());
    settings.apiBase().ifPresent(builder::setApiBase);
    this.stripe = builder.build();
    // stripe-java's own error texts always name api.stripe.com; this line says where calls really go.
    log.info("Charging through {}", settings);
  }

  @Override
  public Future<Charge> charge(PaymentRequest request) {
    PaymentIntentCreateParams params = chargeParams(request);
    RequestOptions options = RequestOptions.builder().setIdempotencyKey(request.idempotencyKey()).build();
    return vertx.executeBlocking(() -> stripe.v1().paymentIntents().create(params, options), false)
        .recover(failure -> Future.failedFuture(StripeFailures.ofCharge(failure, request.orderId())))
        .compose(intent -> outcome(request, intent));
  }

  @Override
  public Future<String> refund(String stripeId, String idempotencyKey) {
    RefundCreateParams params = RefundCreateParams.builder().setPaymentIntent(stripeId).build();
    RequestOptions options = RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
    return vertx.executeBlocking(() -> stripe.v1().refunds().create(params, options).getId(), false)
        .recover(failure -> Future.failedFuture(StripeFailures.ofRefund(failure, stripeId)))
        .onSuccess(refundId -> log.info("Refunded {} as {} (key {})", stripeId, refundId, idempotencyKey));
  }

  private static PaymentIntentCreateParams chargeParams(PaymentRequest request) {
    PaymentIntentCreateParams.Builder params = PaymentIntentCreateParams.builder()
        .setAmount(request.amount())
        .setCurrency(request.currency())
        .setConfirm(true)
        .addPaymentMethodType("card")
        .putMetadata("orderId", request.orderId());
    CardToken token = request.token();
    if (token.kind() == CardToken.Kind.PAYMENT_METHOD) {
      params.setPaymentMethod(token.value());
    } else {
      // stripe-java's typed PaymentMethodData has no card field; Stripe takes the token as card[token].
      params.putExtraParam("payment_method_data", Map.of("type", "card", "card", Map.of("token", token.value())));
    }
    return params.build();
  }

  /** Only a succeeded intent took money; one that needs more (3-D Secure, say) is as good as declined here. */
  private static Future<Charge> outcome(PaymentRequest request, PaymentIntent intent) {
    if (!SUCCEEDED.equals(intent.getStatus())) {
      log.info("Payment intent {} for order {} ended {}, not succeeded", intent.getId(), request.orderId(), intent.getStatus());
      return Future.failedFuture(new CardDeclined("Your card could not be charged", intent.getStatus()));
    }
    log.info("Charged {} {} for order {} as {} (key {})", request.amount(), request.currency(), request.orderId(),
        intent.getId(), request.idempotencyKey());
    return Future.succeededFuture(new Charge(intent.getId()));
  }
}
