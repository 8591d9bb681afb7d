package dev.ticketing.contracts.commands;

import dev.ticketing.contracts.errors.Validation;
import dev.ticketing.contracts.money.Money;
import io.vertx.core.json.JsonObject;

/**
 * Field reads for command decoders. A command's fields may be absent (read as null: whether one is
 * required is the service's rule, answered with its own message), but a field of the wrong type is
 * refused as a 400 naming it. The gateway never sends one, since the OpenAPI document refused it
 * first; a service still checks, because anything on the bus may send it a command.
 */
final class Fields {

  private Fields() {
  }

  static String text(JsonObject json, String field) {
    Object value = json.getValue(field);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    throw Validation.of(field, field + " must be text");
  }

  /** An amount in major units as decimal text: a JSON number is carried as its shortest exact text (20.5 stays "20.5"). */
  static String decimal(JsonObject json, String field) {
    Object value = json.getValue(field);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    try {
      if (value instanceof Number number) {
        return Money.decimalText(number);
      }
    } catch (IllegalArgumentException notFinite) { // NaN or an infinity, which a JSON document cannot hold anyway
      // refused below like any other non-number
    }
    throw Validation.of(field, field + " must be a number");
  }

  static Long integer(JsonObject json, String field) {
    Object value = json.getValue(field);
    if (value == null) {
      return null;
    }
    if (value instanceof Number number && number.doubleValue() == number.longValue()) {
      return number.longValue();
    }
    throw Validation.of(field, field + " must be an integer");
  }

  static Boolean flag(JsonObject json, String field) {
    Object value = json.getValue(field);
    if (value == null || value instanceof Boolean) {
      return (Boolean) value;
    }
    throw Validation.of(field, field + " must be true or false");
  }

  /** Puts {@code value} unless it is null, so an absent field stays absent on the wire. */
  static JsonObject putPresent(JsonObject json, String field, Object value) {
    return value == null ? json : json.put(field, value);
  }
}
