package dev.ticketing.contracts.errors;

/** HTTP 402: the card was declined. */
public final class PaymentRequired extends ApiException {

  public PaymentRequired(String message) {
    super(402, message);
  }
}
