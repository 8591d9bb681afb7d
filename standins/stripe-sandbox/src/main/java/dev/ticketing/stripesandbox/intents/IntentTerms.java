package dev.ticketing.stripesandbox.intents;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the caller asked for when creating a PaymentIntent; fixed afterwards in this sandbox.
 *
 * @param amount                 in the currency's minor unit (cents)
 * @param currency               lower-case ISO code
 * @param automaticPaymentMethods null when the caller listed payment_method_types instead
 */
public record IntentTerms(
    long amount,
    String currency,
    Map<String, String> metadata,
    String description,
    String captureMethod,
    String confirmationMethod,
    List<String> paymentMethodTypes,
    AutomaticPaymentMethods automaticPaymentMethods) {

  public IntentTerms {
    metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata)); // keeps the caller's order
    paymentMethodTypes = List.copyOf(paymentMethodTypes);
  }

  /** {@code automatic_payment_methods[enabled]} and {@code [allow_redirects]}. */
  public record AutomaticPaymentMethods(boolean enabled, String allowRedirects) {
  }
}
