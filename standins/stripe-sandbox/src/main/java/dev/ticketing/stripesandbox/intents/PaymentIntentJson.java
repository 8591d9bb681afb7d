package dev.ticketing.stripesandbox.intents;

import dev.ticketing.stripesandbox.cards.PaymentMethodJson;
import dev.ticketing.stripesandbox.errors.ApiError;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;

/**
 * Renders PaymentIntents and their failures in Stripe's JSON shapes, field names and nesting as
 * stripe-java's model classes expect them (an expandable field such as latest_charge is an id string;
 * last_payment_error.payment_method is a whole PaymentMethod object).
 */
public final class PaymentIntentJson {

  private PaymentIntentJson() {
  }

  public static JsonObject render(PaymentIntent intent) {
    IntentTerms terms = intent.terms();
    return new JsonObject()
        .put("id", intent.id())
        .put("object", "payment_intent")
        .put("amount", terms.amount())
        .put("amount_capturable", 0)
        .put("amount_received", intent.amountReceived())
        .putNull("application")
        .putNull("application_fee_amount")
        .put("automatic_payment_methods", automaticPaymentMethods(terms))
        .put("canceled_at", intent.cancellation() == null ? null : intent.cancellation().canceledAt())
        .put("cancellation_reason", intent.cancellation() == null ? null : intent.cancellation().reason())
        .put("capture_method", terms.captureMethod())
        .put("client_secret", intent.clientSecret())
        .put("confirmation_method", terms.confirmationMethod())
        .put("created", intent.created())
        .put("currency", terms.currency())
        .putNull("customer")
        .put("description", terms.description())
        .put("last_payment_error", intent.lastPaymentError() == null ? null : failure(intent.lastPaymentError()))
        .put("latest_charge", intent.latestCharge())
        .put("livemode", false)
        .put("metadata", new JsonObject(new LinkedHashMap<String, Object>(terms.metadata())))
        .putNull("next_action")
        .putNull("on_behalf_of")
        .put("payment_method", intent.paymentMethod() == null ? null : intent.paymentMethod().id())
        .put("payment_method_types", new JsonArray(terms.paymentMethodTypes()))
        .putNull("processing")
        .putNull("receipt_email")
        .putNull("review")
        .putNull("setup_future_usage")
        .putNull("shipping")
        .putNull("source")
        .putNull("statement_descriptor")
        .putNull("statement_descriptor_suffix")
        .put("status", intent.status().wire())
        .putNull("transfer_data")
        .putNull("transfer_group");
  }

  /** The error object of a decline, as in last_payment_error and in the 402 body. */
  public static JsonObject failure(PaymentFailure failure) {
    return new JsonObject()
        .put("type", ApiError.CARD_ERROR)
        .put("code", failure.decline().code())
        .put("decline_code", failure.decline().declineCode())
        .put("message", failure.decline().message())
        .put("doc_url", ApiError.docUrl(failure.decline().code()))
        .put("charge", failure.chargeId())
        .put("payment_method", PaymentMethodJson.render(failure.paymentMethod()))
        .put("payment_method_type", "card");
  }

  private static JsonObject automaticPaymentMethods(IntentTerms terms) {
    IntentTerms.AutomaticPaymentMethods automatic = terms.automaticPaymentMethods();
    if (automatic == null) {
      return null;
    }
    return new JsonObject().put("enabled", automatic.enabled()).put("allow_redirects", automatic.allowRedirects());
  }
}
