package dev.ticketing.contracts.events;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** Strict field reads for payload decoders: a missing or mistyped field is a malformed event. */
final class Json {

  private Json() {
  }

  static String string(JsonObject json, String field) {
    Object value = json.getValue(field);
    if (value instanceof String text && !text.isEmpty()) {
      return text;
    }
    throw new IllegalArgumentException("event field '" + field + "' must be a non-empty string");
  }

  static String optionalString(JsonObject json, String field) {
    Object value = json.getValue(field);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    throw new IllegalArgumentException("event field '" + field + "' must be a string or null");
  }

  /** A boolean that older payloads lack: absent reads as false. */
  static boolean optionalBoolean(JsonObject json, String field) {
    Object value = json.getValue(field);
    if (value == null || value instanceof Boolean) {
      return Boolean.TRUE.equals(value);
    }
    throw new IllegalArgumentException("event field '" + field + "' must be true, false or absent");
  }

  static long number(JsonObject json, String field) {
    Object value = json.getValue(field);
    if (value instanceof Number number && number.doubleValue() == number.longValue()) {
      return number.longValue();
    }
    throw new IllegalArgumentException("event field '" + field + "' must be an integer");
  }

  static JsonObject object(JsonObject json, String field) {
    Object value = json.getValue(field);
    if (value instanceof JsonObject object) {
      return object;
    }
    throw new IllegalArgumentException("event field '" + field + "' must be an object");
  }

  static Instant instant(JsonObject json, String field) {
    try {
      return Instant.parse(string(json, field));
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException("event field '" + field + "' must be an ISO-8601 instant");
    }
  }
}
