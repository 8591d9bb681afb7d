package dev.ticketing.stripesandbox.cards;

import java.util.Map;
import java.util.Optional;

/**
 * Stripe's documented test payment methods ({@code pm_card_…}) and tokens ({@code tok_…}), with the
 * outcome Stripe gives each. Both families share one table: {@code pm_card_visa} and
 * {@code tok_visa} are the same card.
 */
public final class TestCardCatalogue {

  private static final String DECLINED = "Your card was declined.";

  private static final Map<String, TestCard> CARDS = Map.of(
      "visa", TestCard.approved("visa", "4242", "credit"),
      "visa_debit", TestCard.approved("visa", "5556", "debit"),
      "mastercard", TestCard.approved("mastercard", "4444", "credit"),
      "amex", TestCard.approved("amex", "8431", "credit"),
      "chargeDeclined", TestCard.declined("0002", "card_declined", "generic_decline", DECLINED),
      "chargeDeclinedInsufficientFunds",
      TestCard.declined("9995", "card_declined", "insufficient_funds", "Your card has insufficient funds."),
      "chargeDeclinedExpiredCard",
      TestCard.declined("0069", "expired_card", "expired_card", "Your card has expired."),
      "chargeDeclinedIncorrectCvc",
      TestCard.declined("0127", "incorrect_cvc", "incorrect_cvc", "Your card's security code is incorrect."));

  private static final String PAYMENT_METHOD_PREFIX = "pm_card_";
  private static final String TOKEN_PREFIX = "tok_";

  /** The card behind a magic payment method id such as {@code pm_card_visa}. */
  public Optional<TestCard> paymentMethod(String id) {
    return byPrefix(id, PAYMENT_METHOD_PREFIX);
  }

  /** The card behind a magic token such as {@code tok_visa}. */
  public Optional<TestCard> token(String id) {
    return byPrefix(id, TOKEN_PREFIX);
  }

  private static Optional<TestCard> byPrefix(String id, String prefix) {
    if (id == null || !id.startsWith(prefix)) {
      return Optional.empty();
    }
    return Optional.ofNullable(CARDS.get(id.substring(prefix.length())));
  }
}
