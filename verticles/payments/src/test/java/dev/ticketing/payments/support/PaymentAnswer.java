package dev.ticketing.payments.support;

import dev.ticketing.contracts.errors.ApiException;
import io.vertx.core.json.JsonObject;

/**
 * How one payment request was answered: with the payment, or with the refusal the gateway would
 * turn into an HTTP error. Exactly one of the two is set; tests that race requests read either.
 */
public record PaymentAnswer(JsonObject payment, ApiException refusal) {

  static PaymentAnswer answeredWith(JsonObject payment) {
    return new PaymentAnswer(payment, null);
  }

  static PaymentAnswer refusedWith(ApiException refusal) {
    return new PaymentAnswer(null, refusal);
  }

  public boolean paid() {
    return payment != null;
  }
}
