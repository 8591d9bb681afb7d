package dev.ticketing.stripesandbox.intents;

import java.util.Locale;

/** The PaymentIntent statuses this sandbox reaches (no 3-D Secure, no manual capture). */
public enum IntentStatus {
  REQUIRES_PAYMENT_METHOD,
  REQUIRES_CONFIRMATION,
  SUCCEEDED,
  CANCELED;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Stripe lets an intent be confirmed only before it has succeeded or been canceled. */
  public boolean confirmable() {
    return this != SUCCEEDED && this != CANCELED;
  }

  /** Stripe cancels only what has not reached an end: succeeded and canceled are both final. */
  public boolean cancelable() {
    return this != SUCCEEDED && this != CANCELED;
  }
}
