package dev.ticketing.stripesandbox.intents;

import dev.ticketing.stripesandbox.StripeIds;
import dev.ticketing.stripesandbox.cards.CardDecline;
import dev.ticketing.stripesandbox.cards.PaymentMethod;
import dev.ticketing.stripesandbox.cards.PaymentMethods;
import dev.ticketing.stripesandbox.errors.ApiError;
import dev.ticketing.stripesandbox.events.EventLog;
import dev.ticketing.stripesandbox.events.EventType;
import dev.ticketing.stripesandbox.events.RequestOrigin;
import dev.ticketing.stripesandbox.form.Params;
import dev.ticketing.stripesandbox.listing.ListRequest;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Create, confirm, cancel, retrieve and list PaymentIntents. Confirming charges the test card at
 * once: success moves the intent to succeeded; a decline stores the failed attempt (status
 * requires_payment_method, last_payment_error) and then answers 402 with that intent inside the
 * error, as Stripe does. Each outcome is recorded as its event (payment_intent.succeeded,
 * payment_intent.payment_failed, payment_intent.canceled) carrying the intent the API answers with.
 */
public final class PaymentIntentService {

  private static final Logger log = LoggerFactory.getLogger(PaymentIntentService.class);
  private static final Set<String> CONFIRM_PARAMS = CreateIntentRequest.union(CreateIntentRequest.IGNORED,
      Set.of("payment_method", "payment_method_data"));
  private static final Set<String> RETRIEVE_PARAMS = Set.of("expand", "client_secret");
  private static final Set<String> CANCEL_PARAMS = Set.of("cancellation_reason", "expand");
  private static final Set<String> CANCELLATION_REASONS =
      Set.of("duplicate", "fraudulent", "requested_by_customer", "abandoned");
  /** Accepted and ignored: the sandbox has no customers, so nothing belongs to one. */
  private static final Set<String> LIST_FILTERS = Set.of("customer", "customer_account");
  private static final String LIST_URL = "/v1/payment_intents";

  private final PaymentIntentStore store;
  private final PaymentMethods methods;
  private final EventLog events;
  private final Clock clock;

  public PaymentIntentService(PaymentIntentStore store, PaymentMethods methods, EventLog events, Clock clock) {
    this.store = store;
    this.methods = methods;
    this.events = events;
    this.clock = clock;
  }

  public JsonObject create(Params params, RequestOrigin origin) {
    CreateIntentRequest request = CreateIntentRequest.read(params, methods);
    if (request.confirm() && request.paymentMethod().isEmpty()) {
      throw missingPaymentMethod();
    }
    String id = StripeIds.next("pi");
    PaymentIntent intent = PaymentIntent.created(id, clock.instant().getEpochSecond(), StripeIds.clientSecret(id),
        request.terms(), request.paymentMethod().orElse(null));
    store.save(intent);
    log.info("Created payment intent {} for {} {} ({})", id, request.terms().amount(), request.terms().currency(),
        intent.status().wire());
    return PaymentIntentJson.render(request.confirm() ? attemptCharge(intent, origin) : intent);
  }

  public JsonObject confirm(String id, Params params, RequestOrigin origin) {
    PaymentIntent intent = existing(id);
    params.allowOnly(CONFIRM_PARAMS);
    if (!intent.status().confirmable()) {
      throw ApiError.unexpectedState("payment_intent_unexpected_state", null,
          "You cannot confirm this PaymentIntent because it has a status of " + intent.status().wire()
              + ". Only a PaymentIntent with one of the following statuses may be confirmed: "
              + "requires_confirmation, requires_action, requires_payment_method.",
          PaymentIntentJson.render(intent));
    }
    Optional<PaymentMethod> chosen = PaymentMethodChoice.read(params, methods);
    PaymentIntent ready = chosen.map(intent::withPaymentMethod).orElse(intent);
    if (ready.paymentMethod() == null) {
      throw missingPaymentMethod();
    }
    return PaymentIntentJson.render(attemptCharge(ready, origin));
  }

  /**
   * {@code POST /v1/payment_intents/{id}/cancel}, allowed until the intent has succeeded. Final: a
   * canceled intent can be neither confirmed nor refunded.
   */
  public JsonObject cancel(String id, Params params, RequestOrigin origin) {
    PaymentIntent intent = existing(id);
    params.allowOnly(CANCEL_PARAMS);
    String reason = params.has("cancellation_reason")
        ? params.oneOf("cancellation_reason", CANCELLATION_REASONS, null) : null;
    if (!intent.status().cancelable()) {
      throw ApiError.unexpectedState("payment_intent_unexpected_state", null,
          "You cannot cancel this PaymentIntent because it has a status of " + intent.status().wire()
              + ". Only a PaymentIntent with one of the following statuses may be canceled: "
              + "requires_payment_method, requires_capture, requires_confirmation, requires_action, processing.",
          PaymentIntentJson.render(intent));
    }
    PaymentIntent canceled = intent.canceled(new PaymentIntent.Cancellation(clock.instant().getEpochSecond(), reason));
    store.save(canceled);
    log.info("Payment intent {} canceled ({})", id, reason == null ? "no reason given" : reason);
    return recorded(EventType.PAYMENT_INTENT_CANCELED, canceled, origin);
  }

  public JsonObject retrieve(String id, Params params) {
    params.allowOnly(RETRIEVE_PARAMS);
    return PaymentIntentJson.render(existing(id));
  }

  /** {@code GET /v1/payment_intents}: newest first, paged and filtered by {@code created} as at Stripe. */
  public JsonObject list(Params params) {
    ListRequest request = ListRequest.read(params, LIST_FILTERS);
    return store.page(request).render(LIST_URL, PaymentIntentJson::render);
  }

  /** Charges the intent's card; the outcome is stored before answering, whichever it is. */
  private PaymentIntent attemptCharge(PaymentIntent intent, RequestOrigin origin) {
    String chargeId = StripeIds.next("ch");
    Optional<CardDecline> decline = intent.paymentMethod().card().decline();
    if (decline.isEmpty()) {
      PaymentIntent succeeded = intent.succeeded(chargeId, clock.instant().getEpochSecond());
      store.save(succeeded);
      log.info("Payment intent {} succeeded with charge {}", intent.id(), chargeId);
      recorded(EventType.PAYMENT_INTENT_SUCCEEDED, succeeded, origin);
      return succeeded;
    }
    PaymentFailure failure = new PaymentFailure(decline.get(), intent.paymentMethod(), chargeId);
    PaymentIntent declined = intent.declined(failure);
    store.save(declined);
    log.info("Payment intent {} declined: {} / {}", intent.id(), decline.get().code(), decline.get().declineCode());
    throw ApiError.cardDeclined(PaymentIntentJson.failure(failure)
        .put("payment_intent", recorded(EventType.PAYMENT_INTENT_PAYMENT_FAILED, declined, origin)));
  }

  /** Records the event about {@code intent}'s new state and returns that state as the API renders it. */
  private JsonObject recorded(EventType type, PaymentIntent intent, RequestOrigin origin) {
    JsonObject rendered = PaymentIntentJson.render(intent);
    events.record(type, rendered, intent.id(), origin);
    return rendered;
  }

  private PaymentIntent existing(String id) {
    return store.find(id).orElseThrow(() -> ApiError.notFound("intent", "payment_intent", id));
  }

  private static ApiError missingPaymentMethod() {
    return ApiError.invalidParameter("payment_method", "parameter_missing",
        "You cannot confirm this PaymentIntent because it's missing a payment method. "
            + "Provide payment_method or payment_method_data.");
  }
}
