package dev.ticketing.stripesandbox.intents;

import dev.ticketing.stripesandbox.cards.PaymentMethod;
import dev.ticketing.stripesandbox.cards.PaymentMethods;
import dev.ticketing.stripesandbox.errors.ApiError;
import dev.ticketing.stripesandbox.form.Params;
import java.util.Optional;

/**
 * Reads the payment method a create or confirm request names, either way Stripe allows:
 * {@code payment_method=pm_…} or {@code payment_method_data[type]=card&payment_method_data[card][token]=tok_…}.
 */
final class PaymentMethodChoice {

  private PaymentMethodChoice() {
  }

  static Optional<PaymentMethod> read(Params params, PaymentMethods methods) {
    Optional<String> id = params.string("payment_method");
    Optional<Params> data = params.object("payment_method_data");
    if (id.isPresent() && data.isPresent()) {
      throw ApiError.invalidParameter("payment_method_data", "parameter_invalid_string",
          "You cannot provide both payment_method and payment_method_data.");
    }
    if (id.isPresent()) {
      return Optional.of(methods.byId("payment_method", id.get()));
    }
    return data.map(methods::fromData);
  }
}
