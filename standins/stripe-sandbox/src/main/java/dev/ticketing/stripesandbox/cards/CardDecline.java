package dev.ticketing.stripesandbox.cards;

/**
 * How a test card fails, in Stripe's terms.
 *
 * @param code        the error code (card_declined, expired_card, incorrect_cvc)
 * @param declineCode the issuer's reason (generic_decline, insufficient_funds, …)
 * @param message     the text Stripe shows, meant for the paying customer
 */
public record CardDecline(String code, String declineCode, String message) {
}
