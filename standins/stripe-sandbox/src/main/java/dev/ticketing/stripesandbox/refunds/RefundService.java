package dev.ticketing.stripesandbox.refunds;

import dev.ticketing.stripesandbox.StripeIds;
import dev.ticketing.stripesandbox.errors.ApiError;
import dev.ticketing.stripesandbox.events.EventLog;
import dev.ticketing.stripesandbox.events.EventType;
import dev.ticketing.stripesandbox.events.RequestOrigin;
import dev.ticketing.stripesandbox.form.Params;
import dev.ticketing.stripesandbox.intents.ChargeJson;
import dev.ticketing.stripesandbox.intents.IntentStatus;
import dev.ticketing.stripesandbox.intents.PaymentIntent;
import dev.ticketing.stripesandbox.intents.PaymentIntentStore;
import dev.ticketing.stripesandbox.listing.CreationOrder;
import dev.ticketing.stripesandbox.listing.ListRequest;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates, retrieves and lists refunds of succeeded PaymentIntents. The invariant Stripe keeps, and this
 * keeps too: the refunds of a charge never add up to more than it received. Each refund is recorded
 * as a {@code charge.refunded} event carrying the charge as it stands afterwards.
 *
 * <p>Refunds live in memory only, confined to the sandbox verticle's event loop.
 */
public final class RefundService {

  private static final Logger log = LoggerFactory.getLogger(RefundService.class);
  private static final Set<String> CREATE_PARAMS =
      Set.of("payment_intent", "charge", "amount", "metadata", "reason", "expand");
  private static final Set<String> REASONS = Set.of("duplicate", "fraudulent", "requested_by_customer");
  private static final Set<String> LIST_FILTERS = Set.of("payment_intent", "charge");
  private static final String LIST_URL = "/v1/refunds";

  private final PaymentIntentStore intents;
  private final EventLog events;
  private final Clock clock;
  private final CreationOrder<Refund> refunds = new CreationOrder<>(Refund::id, Refund::created);

  public RefundService(PaymentIntentStore intents, EventLog events, Clock clock) {
    this.intents = intents;
    this.events = events;
    this.clock = clock;
  }

  public JsonObject create(Params params, RequestOrigin origin) {
    params.allowOnly(CREATE_PARAMS);
    PaymentIntent intent = refundedIntent(params);
    String reason = params.has("reason") ? params.oneOf("reason", REASONS, null) : null;
    long amount = amount(params, intent);
    Refund refund = new Refund(StripeIds.next("re"), amount, intent.terms().currency(), intent.id(),
        intent.latestCharge(), reason, params.metadata("metadata"), clock.instant().getEpochSecond());
    PaymentIntent refunded = intent.refunded(amount);
    intents.save(refunded);
    refunds.save(refund);
    log.info("Refund {} of {} {} against payment intent {}", refund.id(), amount, refund.currency(), intent.id());
    events.record(EventType.CHARGE_REFUNDED, ChargeJson.render(refunded), intent.id(), origin);
    return RefundJson.render(refund);
  }

  public JsonObject retrieve(String id, Params params) {
    params.allowOnly(Set.of("expand"));
    return RefundJson.render(refunds.find(id).orElseThrow(() -> ApiError.notFound("id", "refund", id)));
  }

  /** {@code GET /v1/refunds}: newest first, optionally only those of one payment_intent or charge. */
  public JsonObject list(Params params) {
    ListRequest request = ListRequest.read(params, LIST_FILTERS);
    Optional<String> intent = params.string("payment_intent");
    Optional<String> charge = params.string("charge");
    Predicate<Refund> filter = refund -> intent.map(refund.paymentIntentId()::equals).orElse(true)
        && charge.map(refund.chargeId()::equals).orElse(true);
    return refunds.page(request, filter, "refund").render(LIST_URL, RefundJson::render);
  }

  /** The intent named by payment_intent or charge (Stripe accepts either), which must have succeeded. */
  private PaymentIntent refundedIntent(Params params) {
    PaymentIntent intent;
    if (params.has("payment_intent")) {
      String id = params.requiredString("payment_intent");
      intent = intents.find(id).orElseThrow(() -> ApiError.noSuchReference("payment_intent", "payment_intent", id));
      params.string("charge").filter(charge -> !charge.equals(intent.latestCharge())).ifPresent(charge -> {
        throw ApiError.invalidParameter("charge", "parameter_invalid_string",
            "Charge " + charge + " does not belong to payment intent " + id + ".");
      });
    } else if (params.has("charge")) {
      String charge = params.requiredString("charge");
      intent = intents.findByCharge(charge).orElseThrow(() -> ApiError.noSuchReference("charge", "charge", charge));
    } else {
      throw ApiError.invalidParameter(null, "parameter_missing",
          "One of the following params should be provided for this request: payment_intent or charge.");
    }
    if (intent.status() != IntentStatus.SUCCEEDED) {
      throw ApiError.unexpectedState("payment_intent_unexpected_state", "payment_intent",
          "This PaymentIntent (" + intent.id() + ") does not have a successful charge to refund.", null);
    }
    return intent;
  }

  /** The requested amount, or all that remains; never more than remains. */
  private static long amount(Params params, PaymentIntent intent) {
    long remaining = intent.refundable();
    if (remaining <= 0) {
      throw ApiError.unexpectedState("charge_already_refunded", null,
          "Charge " + intent.latestCharge() + " has already been refunded.", null);
    }
    long amount = params.integer("amount").orElse(remaining);
    if (amount < 1) {
      throw ApiError.invalidParameter("amount", "parameter_invalid_integer",
          "This value must be greater than or equal to 1.");
    }
    if (amount > remaining) {
      throw ApiError.unexpectedState("charge_already_refunded", "amount", "Refund amount (" + amount
          + ") is greater than unrefunded amount on charge (" + remaining + ")", null);
    }
    return amount;
  }
}
