package dev.ticketing.payments.domain;

import dev.ticketing.contracts.errors.ApiError;
import dev.ticketing.contracts.errors.Validation;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of a payment command, checked: {@code orderId} present (whether it names an order is
 * for the store to say) and {@code token} a usable card token. Every field error at once.
 */
public record PaymentInput(String orderId, CardToken token) {

  public static PaymentInput from(JsonObject body) {
    List<ApiError> errors = new ArrayList<>();
    Object orderId = body.getValue("orderId");
    if (!(orderId instanceof String text) || text.isBlank()) {
      errors.add(new ApiError("orderId must be provided", "orderId"));
    }
    CardToken token = null;
    try {
      token = CardToken.parse(body.getValue("token"));
    } catch (Validation invalid) {
      errors.addAll(invalid.errors());
    }
    if (!errors.isEmpty()) {
      throw new Validation(errors);
    }
    return new PaymentInput(((String) orderId).trim(), token);
  }
}
