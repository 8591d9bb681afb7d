package dev.ticketing.payments.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentConfirmParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import dev.ticketing.payments.domain.CardToken;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link PaymentProvider} over stripe-java. stripe-java blocks on HTTP, so every call runs on a
 * worker thread. Every call sets our own idempotency key (stripe-java would otherwise invent a
 * random one, and a retry would act twice).
 */
public final class StripePaymentProvider implements PaymentProvider {

  private static final Logger log = LoggerFactory.getLogger(StripePaymentProvider.class);
  private static final String ALREADY_DONE = "payment_intent_unexpected_state";

  private final Vertx vertx;
  private final StripeClient stripe;

  public StripePaymentProvider(Vertx vertx, StripeSettings settings) {
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
  public Future<String> createIntent(IntentRequest request) {
    PaymentIntentCreateParams params = PaymentIntentCreateParams.builder()
        .setAmount(request.amount())
        .setCurrency(request.currency())
        .addPaymentMethodType("card")
        .putMetadata("orderId", request.orderId())
        .build();
    return blocking(() -> stripe.v1().paymentIntents().create(params, key(request.idempotencyKey())).getId(),
        "intent for order " + request.orderId())
        .onSuccess(id -> log.info("Payment intent {} for order {} ({} {}, key {})", id, request.orderId(),
            request.amount(), request.currency(), request.idempotencyKey()));
  }

  @Override
  public Future<IntentState> confirm(String intentId, CardToken card, String idempotencyKey) {
    PaymentIntentConfirmParams.Builder params = PaymentIntentConfirmParams.builder();
    if (card.kind() == CardToken.Kind.PAYMENT_METHOD) {
      params.setPaymentMethod(card.value());
    } else {
      // stripe-java's typed PaymentMethodData has no card field; Stripe takes the token as card[token].
      params.putExtraParam("payment_method_data", Map.of("type", "card", "card", Map.of("token", card.value())));
    }
    return vertx.executeBlocking(() -> stripe.v1().paymentIntents().confirm(intentId, params.build(), key(idempotencyKey)), false)
        .map(StripePaymentProvider::state)
        .recover(failure -> {
          if (failure instanceof InvalidRequestException invalid && ALREADY_DONE.equals(invalid.getCode())) {
            return retrieve(intentId); // succeeded (or canceled) already, by an attempt whose answer was lost
          }
          return Future.failedFuture(StripeFailures.ofCharge(failure, intentId));
        })
        .onSuccess(state -> log.info("Payment intent {} confirmed (key {}): {}", intentId, idempotencyKey, state.status()));
  }

  @Override
  public Future<IntentState> retrieve(String intentId) {
    return blocking(() -> state(stripe.v1().paymentIntents().retrieve(intentId)), "intent " + intentId);
  }

  @Override
  public Future<String> refund(String intentId, String idempotencyKey) {
    RefundCreateParams params = RefundCreateParams.builder().setPaymentIntent(intentId).build();
    return vertx.executeBlocking(() -> stripe.v1().refunds().create(params, key(idempotencyKey)).getId(), false)
        .recover(failure -> Future.failedFuture(StripeFailures.ofRefund(failure, intentId)))
        .onSuccess(refundId -> log.info("Refunded {} as {} (key {})", intentId, refundId, idempotencyKey));
  }

  private <T> Future<T> blocking(java.util.concurrent.Callable<T> call, String what) {
    return vertx.executeBlocking(call, false).recover(failure -> Future.failedFuture(StripeFailures.of(failure, what)));
  }

  private static RequestOptions key(String idempotencyKey) {
    return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
  }

  private static IntentState state(PaymentIntent intent) {
    return new IntentState(intent.getId(), intent.getStatus(),
        intent.getMetadata() == null ? null : intent.getMetadata().get("orderId"));
  }
}
