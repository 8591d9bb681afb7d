package dev.ticketing.stripesandbox.cards;

import java.util.Optional;

/**
 * One of Stripe's documented test cards: what it looks like and whether it is declined.
 *
 * @param brand   visa, mastercard, amex
 * @param last4   the last four digits of Stripe's test number for it
 * @param funding credit or debit
 * @param decline present when every charge on this card fails
 */
public record TestCard(String brand, String last4, String funding, Optional<CardDecline> decline) {

  static TestCard approved(String brand, String last4, String funding) {
    return new TestCard(brand, last4, funding, Optional.empty());
  }

  static TestCard declined(String last4, String code, String declineCode, String message) {
    return new TestCard("visa", last4, "credit", Optional.of(new CardDecline(code, declineCode, message)));
  }
}
