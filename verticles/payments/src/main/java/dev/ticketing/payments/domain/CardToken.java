package dev.ticketing.payments.domain;

import dev.ticketing.contracts.errors.Validation;
import java.util.regex.Pattern;

/**
 * What the client pays with: a Stripe test token ({@code tok_visa}) or a payment method id
 * ({@code pm_card_visa}). The two travel to Stripe differently, so the kind is decided here, once.
 * Pure: no I/O, no Vert.x.
 */
public record CardToken(Kind kind, String value) {

  public enum Kind {
    /** A PaymentMethod id, sent as {@code payment_method}. */
    PAYMENT_METHOD,
    /** A card token, sent as {@code payment_method_data[card][token]}. */
    TOKEN
  }

  static final String INVALID = "Token must be a Stripe test token (tok_...) or payment method id (pm_...)";
  // Stripe ids are short ASCII words; anything else cannot name a card and is refused before any call.
  private static final Pattern SHAPE = Pattern.compile("^(pm|tok)_[A-Za-z0-9_]{1,200}$");

  /** The token the client sent, or a 400 naming the field {@code token}. */
  public static CardToken parse(Object raw) {
    if (!(raw instanceof String text) || !SHAPE.matcher(text).matches()) {
      throw Validation.of("token", INVALID);
    }
    return new CardToken(text.startsWith("pm_") ? Kind.PAYMENT_METHOD : Kind.TOKEN, text);
  }
}
