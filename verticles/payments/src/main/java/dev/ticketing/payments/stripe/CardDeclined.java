package dev.ticketing.payments.stripe;

/**
 * The card was refused. {@link #getMessage()} is Stripe's message meant for the buyer ("Your card
 * was declined."); {@link #declineCode()} says why (generic_decline, insufficient_funds, ...).
 */
public final class CardDeclined extends RuntimeException {

  private final String declineCode;

  public CardDeclined(String message, String declineCode) {
    super(message, null, false, false); // an answer, not a bug: no stack trace
    this.declineCode = declineCode;
  }

  public String declineCode() {
    return declineCode;
  }
}
