package dev.ticketing.stripesandbox;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Identifiers shaped like Stripe's: a type prefix, an underscore and random base-62 characters
 * ({@code pi_…}, {@code ch_…}, {@code re_…}, {@code pm_…}, {@code req_…}). Callers may rely on the
 * prefix, never on the rest, exactly as with Stripe.
 */
public final class StripeIds {

  private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final int ID_LENGTH = 24;
  private static final int REQUEST_ID_LENGTH = 14;

  private StripeIds() {
  }

  public static String next(String prefix) {
    return prefix + "_" + random(ID_LENGTH);
  }

  public static String requestId() {
    return "req_" + random(REQUEST_ID_LENGTH);
  }

  /** Stripe's client secrets are the object id, "_secret_" and a random tail. */
  public static String clientSecret(String objectId) {
    return objectId + "_secret_" + random(ID_LENGTH);
  }

  private static String random(int length) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return text.toString();
  }
}
