package dev.ticketing.platform.mongo;

import dev.ticketing.contracts.errors.Validation;
import java.util.regex.Pattern;
import org.bson.types.ObjectId;

/**
 * Document ids: ObjectId hex strings, chosen by the service that owns the document. They sort by
 * creation time (which "newest first" relies on), and a string of any other shape cannot name a
 * stored document, so it is answered as "not found" without a lookup.
 */
public final class Ids {

  private static final Pattern OBJECT_ID = Pattern.compile("^[0-9a-f]{24}$");

  private Ids() {
  }

  public static String newId() {
    return new ObjectId().toHexString();
  }

  /**
   * The id a command's {@code field} names, trimmed. Absent or blank is the client's mistake, a 400
   * naming the field; text that cannot be one of our ids is for the caller to answer (as "not
   * found", see {@link #isWellFormed}).
   */
  public static String required(String value, String field) {
    if (value == null || value.isBlank()) {
      throw Validation.of(field, field + " must be provided");
    }
    return value.trim();
  }

  /** True when {@code value} is a String that could be one of our ids (24 lowercase hex characters). */
  public static boolean isWellFormed(Object value) {
    return value instanceof String text && OBJECT_ID.matcher(text).matches();
  }
}
