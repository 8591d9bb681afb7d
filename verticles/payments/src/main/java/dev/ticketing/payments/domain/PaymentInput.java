package dev.ticketing.payments.domain;

import dev.ticketing.contracts.commands.NewPayment;
import dev.ticketing.contracts.errors.ApiError;
import dev.ticketing.contracts.errors.Validation;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of a payment command ({@link NewPayment}), checked: {@code orderId} present (whether it names an order is
 * for the store to say) and {@code token} a usable card token. Every field error at once.
 */
public record PaymentInput(String orderId, CardToken token) {

  public static PaymentInput from(NewPayment body) {
    List<ApiError> errors = new ArrayList<>();
    String orderId = body.orderId();
    if (orderId == null || orderId.isBlank()) {
      errors.add(new ApiError("orderId must be provided", "orderId"));
    }
    CardToken token = null;
    try {
      token = CardToken.parse(body.token());
    } catch (Validation invalid) {
      errors.addAll(invalid.errors());
    }
    if (!errors.isEmpty()) {
      throw new Validation(errors);
    }
    return new PaymentInput(orderId.trim(), token);
  }
}
