package dev.ticketing.payments.domain;

import java.util.regex.Pattern;

/** Order ids are ObjectId hex strings chosen by the orders service; any other string names no order. */
public final class OrderIds {

  private static final Pattern OBJECT_ID = Pattern.compile("^[0-9a-f]{24}$");

  private OrderIds() {
  }

  public static boolean isWellFormed(Object id) {
    return id instanceof String text && OBJECT_ID.matcher(text).matches();
  }
}
