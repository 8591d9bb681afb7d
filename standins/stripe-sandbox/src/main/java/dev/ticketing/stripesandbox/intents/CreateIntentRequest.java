package dev.ticketing.stripesandbox.intents;

import dev.ticketing.stripesandbox.cards.PaymentMethod;
import dev.ticketing.stripesandbox.cards.PaymentMethods;
import dev.ticketing.stripesandbox.errors.ApiError;
import dev.ticketing.stripesandbox.form.Params;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The validated parameters of {@code POST /v1/payment_intents}. Validation happens before anything is
 * stored, so a rejected request leaves no intent behind (and, as at Stripe, no idempotent result).
 */
record CreateIntentRequest(IntentTerms terms, boolean confirm, Optional<PaymentMethod> paymentMethod) {

  /** Real Stripe parameters the sandbox accepts and ignores: they change nothing it simulates. */
  static final Set<String> IGNORED = Set.of("expand", "return_url", "off_session", "error_on_requires_action",
      "use_stripe_sdk", "payment_method_options", "receipt_email", "statement_descriptor",
      "statement_descriptor_suffix");

  private static final Set<String> ACCEPTED = union(IGNORED, Set.of("amount", "currency", "confirm",
      "payment_method", "payment_method_data", "payment_method_types", "automatic_payment_methods", "metadata",
      "description", "capture_method", "confirmation_method"));

  /** Stripe's ceiling: eight digits in the minor unit. */
  private static final long MAX_AMOUNT = 99_999_999L;
  private static final Pattern CURRENCY = Pattern.compile("[a-zA-Z]{3}");

  static CreateIntentRequest read(Params params, PaymentMethods methods) {
    params.allowOnly(ACCEPTED);
    long amount = amount(params);
    String currency = currency(params);
    boolean confirm = params.bool("confirm", false);
    IntentTerms terms = new IntentTerms(amount, currency, params.metadata("metadata"),
        params.string("description").orElse(null),
        params.oneOf("capture_method", Set.of("automatic", "automatic_async"), "automatic"),
        params.oneOf("confirmation_method", Set.of("automatic", "manual"), "automatic"),
        params.stringList("payment_method_types").orElse(List.of("card")),
        automaticPaymentMethods(params));
    // The payment method last: resolving a magic id creates a PaymentMethod, so only once all else is valid.
    return new CreateIntentRequest(terms, confirm, PaymentMethodChoice.read(params, methods));
  }

  private static long amount(Params params) {
    long amount = params.integer("amount").orElseThrow(() -> ApiError.missingParameter("amount"));
    if (amount < 1) {
      throw ApiError.invalidParameter("amount", "parameter_invalid_integer",
          "This value must be greater than or equal to 1.");
    }
    if (amount > MAX_AMOUNT) {
      throw ApiError.invalidParameter("amount", "amount_too_large", "Amount must be no more than " + MAX_AMOUNT);
    }
    return amount;
  }

  private static String currency(Params params) {
    String currency = params.requiredString("currency");
    if (!CURRENCY.matcher(currency).matches()) {
      throw ApiError.invalidParameter("currency", "parameter_invalid_string",
          "Invalid currency: " + currency + ". A currency is a three-letter ISO code such as usd.");
    }
    return currency.toLowerCase(Locale.ROOT);
  }

  /**
   * Stripe enables automatic payment methods unless payment_method_types is given, and refuses both
   * at once.
   */
  private static IntentTerms.AutomaticPaymentMethods automaticPaymentMethods(Params params) {
    Optional<Params> automatic = params.object("automatic_payment_methods");
    if (automatic.isPresent() && params.has("payment_method_types")) {
      throw ApiError.invalidParameter("automatic_payment_methods", "parameter_invalid_string",
          "You may only specify one of these parameters: automatic_payment_methods, payment_method_types.");
    }
    if (params.has("payment_method_types")) {
      return null;
    }
    if (automatic.isEmpty()) {
      return new IntentTerms.AutomaticPaymentMethods(true, "always");
    }
    Params given = automatic.get().allowOnly(Set.of("enabled", "allow_redirects"));
    if (!given.has("enabled")) {
      throw ApiError.missingParameter(given.qualified("enabled"));
    }
    return new IntentTerms.AutomaticPaymentMethods(given.bool("enabled", true),
        given.oneOf("allow_redirects", Set.of("always", "never"), "always"));
  }

  static Set<String> union(Set<String> first, Set<String> second) {
    return Stream.concat(first.stream(), second.stream()).collect(Collectors.toUnmodifiableSet());
  }
}
