package dev.ticketing.stripesandbox.cards;

import dev.ticketing.stripesandbox.StripeIds;
import dev.ticketing.stripesandbox.errors.ApiError;
import dev.ticketing.stripesandbox.form.Params;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Turns what a request names as its payment method into a PaymentMethod. As at Stripe, a magic id
 * ({@code pm_card_visa}) or token ({@code tok_visa}) creates a new {@code pm_…} each time it is used,
 * and that new id can be used again later (for example to confirm an intent).
 *
 * <p>Confined to the sandbox verticle's event loop, like every store here: no locks needed.
 */
public final class PaymentMethods {

  private static final Set<String> DATA_PARAMS = Set.of("type", "card", "billing_details", "metadata");

  private final TestCardCatalogue catalogue;
  private final Clock clock;
  private final Map<String, PaymentMethod> created = new HashMap<>();

  public PaymentMethods(TestCardCatalogue catalogue, Clock clock) {
    this.catalogue = catalogue;
    this.clock = clock;
  }

  /** Resolves {@code payment_method=…}: a Stripe test id or one this sandbox created. */
  public PaymentMethod byId(String param, String id) {
    PaymentMethod existing = created.get(id);
    if (existing != null) {
      return existing;
    }
    TestCard card = catalogue.paymentMethod(id).orElseThrow(() -> id.startsWith("tok_")
        ? ApiError.invalidParameter(param, "resource_missing", "No such PaymentMethod: '" + id
            + "'; card tokens go in payment_method_data[card][token]")
        : ApiError.noSuchReference(param, "PaymentMethod", id));
    return register(card);
  }

  /** Resolves {@code payment_method_data[type]=card&payment_method_data[card][token]=tok_…}. */
  public PaymentMethod fromData(Params data) {
    data.allowOnly(DATA_PARAMS);
    String type = data.requiredString("type");
    if (!"card".equals(type)) {
      throw ApiError.invalidParameter(data.qualified("type"), "parameter_invalid_string",
          "The Stripe sandbox supports only payment_method_data[type]=card, got '" + type + "'");
    }
    Params card = data.object("card").orElseThrow(() -> ApiError.missingParameter(data.qualified("card")));
    card.allowOnly(Set.of("token"));
    String tokenParam = card.qualified("token");
    String token = card.string("token").orElseThrow(() -> ApiError.invalidParameter(tokenParam,
        "parameter_missing", "Missing required param: " + tokenParam
            + ". The Stripe sandbox takes test tokens (tok_visa, …), never card numbers."));
    TestCard testCard = catalogue.token(token)
        .orElseThrow(() -> ApiError.noSuchReference(tokenParam, "token", token));
    return register(testCard);
  }

  private PaymentMethod register(TestCard card) {
    PaymentMethod method = new PaymentMethod(StripeIds.next("pm"), card, clock.instant().getEpochSecond());
    created.put(method.id(), method);
    return method;
  }
}
