package dev.ticketing.orders.domain;

import java.util.regex.Pattern;

/** Our ids are ObjectId hex strings; anything else cannot name a stored document. */
public final class Ids {

  private static final Pattern OBJECT_ID = Pattern.compile("^[0-9a-f]{24}$");

  private Ids() {
  }

  /** True when {@code value} is a String that could be an id of ours (24 lowercase hex characters). */
  public static boolean isWellFormed(Object value) {
    return value instanceof String text && OBJECT_ID.matcher(text).matches();
  }
}
