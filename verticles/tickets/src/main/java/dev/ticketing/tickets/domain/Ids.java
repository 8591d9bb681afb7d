package dev.ticketing.tickets.domain;

import java.util.regex.Pattern;

/** Our ids are ObjectId hex strings; anything else cannot name a stored ticket. */
public final class Ids {

  private static final Pattern OBJECT_ID = Pattern.compile("[0-9a-f]{24}");

  private Ids() {
  }

  /** True when {@code id} has the shape of an id we generate; only such ids are worth a lookup. */
  public static boolean canExist(Object id) {
    return id instanceof String text && OBJECT_ID.matcher(text).matches();
  }
}
