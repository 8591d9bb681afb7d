package dev.ticketing.stripesandbox.intents;

import dev.ticketing.stripesandbox.cards.PaymentMethodJson;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;

/**
 * Renders the successful charge of a PaymentIntent as Stripe's {@code "object": "charge"}: what a
 * {@code charge.refunded} event carries. The sandbox has no charges of its own; a charge is the
 * intent's money seen from the card's side, so everything here is derived from the intent (the
 * metadata too: Stripe copies the intent's onto its charge).
 */
public final class ChargeJson {

  private ChargeJson() {
  }

  public static JsonObject render(PaymentIntent intent) {
    IntentTerms terms = intent.terms();
    long amount = intent.amountReceived();
    return new JsonObject()
        .put("id", intent.latestCharge())
        .put("object", "charge")
        .put("amount", amount)
        .put("amount_captured", amount)
        .put("amount_refunded", intent.amountRefunded())
        .putNull("application")
        .putNull("application_fee_amount")
        .putNull("balance_transaction")
        .put("billing_details", new JsonObject().putNull("address").putNull("email").putNull("name").putNull("phone"))
        .put("captured", true)
        .put("created", intent.chargedAt())
        .put("currency", terms.currency())
        .putNull("customer")
        .put("description", terms.description())
        .put("disputed", false)
        .putNull("failure_code")
        .putNull("failure_message")
        .put("livemode", false)
        .put("metadata", new JsonObject(new LinkedHashMap<String, Object>(terms.metadata())))
        .put("outcome", new JsonObject()
            .put("network_status", "approved_by_network")
            .putNull("reason")
            .put("risk_level", "normal")
            .put("seller_message", "Payment complete.")
            .put("type", "authorized"))
        .put("paid", true)
        .put("payment_intent", intent.id())
        .put("payment_method", intent.paymentMethod() == null ? null : intent.paymentMethod().id())
        .put("payment_method_details", intent.paymentMethod() == null ? null : new JsonObject()
            .put("type", "card")
            .put("card", PaymentMethodJson.render(intent.paymentMethod()).getJsonObject("card")))
        .putNull("receipt_email")
        .put("refunded", intent.amountRefunded() >= amount)
        .putNull("review")
        .putNull("shipping")
        .putNull("statement_descriptor")
        .put("status", "succeeded")
        .putNull("transfer_group");
  }
}
