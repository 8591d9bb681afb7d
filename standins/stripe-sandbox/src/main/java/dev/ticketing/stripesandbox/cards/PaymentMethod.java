package dev.ticketing.stripesandbox.cards;

/**
 * A card PaymentMethod as Stripe creates it when a test id or token is used: its own fresh
 * {@code pm_…} id, whatever magic value it came from.
 */
public record PaymentMethod(String id, TestCard card, long created) {
}
