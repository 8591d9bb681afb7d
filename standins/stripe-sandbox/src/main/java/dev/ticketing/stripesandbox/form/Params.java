package dev.ticketing.stripesandbox.form;

import dev.ticketing.stripesandbox.errors.ApiError;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Typed, validated reading of decoded form parameters. Every failure is a 400 naming the
 * parameter the way Stripe does ({@code payment_method_data[card][token]}), so a caller's mistake
 * shows up in its own logs instead of as a puzzling default. An empty string counts as absent,
 * which is how Stripe's form encoding says "unset".
 */
public final class Params {

  private static final int METADATA_MAX_KEYS = 50;
  private static final int METADATA_KEY_MAX = 40;
  private static final int METADATA_VALUE_MAX = 500;

  private final JsonObject values;
  private final String prefix;

  public Params(JsonObject values) {
    this(values, "");
  }

  private Params(JsonObject values, String prefix) {
    this.values = values;
    this.prefix = prefix;
  }

  /** Rejects any parameter not in {@code known}, as Stripe does, so a typo is not silently ignored. */
  public Params allowOnly(Set<String> known) {
    for (String name : new TreeSet<>(values.fieldNames())) {
      if (!known.contains(name)) {
        throw ApiError.unknownParameter(qualified(name), " (the Stripe sandbox accepts: "
            + String.join(", ", new TreeSet<>(known)) + ")");
      }
    }
    return this;
  }

  public boolean has(String name) {
    Object value = values.getValue(name);
    return value != null && !"".equals(value);
  }

  /** True when the parameter was sent nested ({@code created[gte]=…}) rather than as one value. */
  public boolean isObject(String name) {
    return values.getValue(name) instanceof JsonObject;
  }

  public Optional<String> string(String name) {
    Object value = values.getValue(name);
    if (value == null || "".equals(value)) {
      return Optional.empty();
    }
    if (value instanceof String text) {
      return Optional.of(text);
    }
    throw ApiError.invalidParameter(qualified(name), "parameter_invalid_string",
        "Invalid string: " + qualified(name) + " must be a single value, not a nested object");
  }

  public String requiredString(String name) {
    return string(name).orElseThrow(() -> ApiError.missingParameter(qualified(name)));
  }

  public Optional<Long> integer(String name) {
    return string(name).map(text -> {
      try {
        return Long.parseLong(text);
      } catch (NumberFormatException e) {
        throw ApiError.invalidParameter(qualified(name), "parameter_invalid_integer",
            "Invalid integer: " + text);
      }
    });
  }

  public boolean bool(String name, boolean fallback) {
    return string(name).map(text -> switch (text) {
      case "true" -> true;
      case "false" -> false;
      default -> throw ApiError.invalidParameter(qualified(name), "parameter_invalid_string",
          "Invalid boolean: " + text);
    }).orElse(fallback);
  }

  /** A value that must be one of {@code allowed}; {@code fallback} when absent. */
  public String oneOf(String name, Set<String> allowed, String fallback) {
    String value = string(name).orElse(fallback);
    if (!allowed.contains(value)) {
      throw ApiError.invalidParameter(qualified(name), "parameter_invalid_string",
          "Invalid " + qualified(name) + ": must be one of " + String.join(", ", new TreeSet<>(allowed))
              + " (got '" + value + "')");
    }
    return value;
  }

  public Optional<Params> object(String name) {
    Object value = values.getValue(name);
    if (value == null || "".equals(value)) {
      return Optional.empty();
    }
    if (value instanceof JsonObject object) {
      return Optional.of(new Params(object, qualified(name) + "["));
    }
    throw ApiError.invalidParameter(qualified(name), "parameter_invalid_string",
        "Invalid hash: " + qualified(name) + " must be given as " + qualified(name) + "[key]=value");
  }

  /** A list sent as {@code name[0]=a&name[1]=b}, ordered by index. */
  public Optional<List<String>> stringList(String name) {
    return object(name).map(list -> {
      List<String> keys = new ArrayList<>(list.values.fieldNames());
      for (String key : keys) {
        if (!key.chars().allMatch(Character::isDigit)) {
          throw ApiError.invalidParameter(qualified(name), "parameter_invalid_string",
              "Invalid array: " + qualified(name) + " must be sent as " + qualified(name) + "[0]=…");
        }
      }
      keys.sort(Comparator.comparingLong(Long::parseLong));
      List<String> items = new ArrayList<>();
      for (String key : keys) {
        list.string(key).ifPresent(items::add);
      }
      return items;
    });
  }

  /** Stripe metadata: string values, up to 50 keys of 40 characters, values up to 500. */
  public Map<String, String> metadata(String name) {
    Map<String, String> metadata = new LinkedHashMap<>();
    Optional<Params> given = object(name);
    if (given.isEmpty()) {
      return metadata;
    }
    Params entries = given.get();
    for (String key : entries.values.fieldNames()) {
      String field = entries.qualified(key);
      if (key.length() > METADATA_KEY_MAX) {
        throw ApiError.invalidParameter(field, "parameter_invalid_string",
            "Metadata keys can have up to " + METADATA_KEY_MAX + " characters");
      }
      // An empty value unsets the key in Stripe: on a new object that simply means "not there".
      entries.string(key).ifPresent(value -> {
        if (value.length() > METADATA_VALUE_MAX) {
          throw ApiError.invalidParameter(field, "parameter_invalid_string",
              "Metadata values can have up to " + METADATA_VALUE_MAX + " characters");
        }
        metadata.put(key, value);
      });
    }
    if (metadata.size() > METADATA_MAX_KEYS) {
      throw ApiError.invalidParameter(qualified(name), "parameter_invalid_string",
          "Metadata can have up to " + METADATA_MAX_KEYS + " keys");
    }
    return metadata;
  }

  /** The name as the client wrote it: {@code payment_method_data[card][token]}. */
  public String qualified(String name) {
    return prefix.isEmpty() ? name : prefix + name + "]";
  }
}
