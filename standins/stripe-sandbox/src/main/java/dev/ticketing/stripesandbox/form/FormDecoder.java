package dev.ticketing.stripesandbox.form;

import dev.ticketing.stripesandbox.errors.ApiError;
import io.vertx.core.json.JsonObject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes Stripe's form encoding, as stripe-java writes it: {@code application/x-www-form-urlencoded}
 * with nesting in brackets, sent unescaped ({@code metadata[orderId]=o-1},
 * {@code payment_method_data[card][token]=tok_visa}, {@code payment_method_types[0]=card}).
 *
 * <p>The nested form is a JsonObject whose leaves are all strings, exactly as sent; lists stay
 * objects keyed "0", "1", … (an empty {@code []} appends the next index), because only the
 * parameter's reader knows whether {@code metadata[0]} is a list entry or a metadata key.
 */
public final class FormDecoder {

  private FormDecoder() {
  }

  /** The pairs of a form body or query string, decoded, in order. */
  public static List<FormField> fields(String encoded) {
    List<FormField> fields = new ArrayList<>();
    if (encoded == null || encoded.isEmpty()) {
      return fields;
    }
    for (String pair : encoded.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      fields.add(new FormField(decode(name), decode(value)));
    }
    return fields;
  }

  /** Folds bracketed names into nested objects; a later scalar for the same name wins, as at Stripe. */
  public static JsonObject nest(List<FormField> fields) {
    JsonObject root = new JsonObject();
    for (FormField field : fields) {
      List<String> path = path(field.name());
      JsonObject parent = root;
      for (int i = 0; i < path.size() - 1; i++) {
        parent = child(parent, path.get(i), field.name());
      }
      String leaf = leafKey(parent, path.get(path.size() - 1));
      if (parent.getValue(leaf) instanceof JsonObject) {
        throw conflict(field.name());
      }
      parent.put(leaf, field.value());
    }
    return root;
  }

  public static JsonObject decodeNested(String encoded) {
    return nest(fields(encoded));
  }

  private static JsonObject child(JsonObject parent, String segment, String fullName) {
    String key = leafKey(parent, segment);
    Object existing = parent.getValue(key);
    if (existing == null) {
      JsonObject created = new JsonObject();
      parent.put(key, created);
      return created;
    }
    if (existing instanceof JsonObject object) {
      return object;
    }
    throw conflict(fullName);
  }

  /** {@code a[]} appends: it takes the next free index in its parent. */
  private static String leafKey(JsonObject parent, String segment) {
    return segment.isEmpty() ? Integer.toString(parent.size()) : segment;
  }

  /** {@code a[b][c]} becomes [a, b, c]. */
  static List<String> path(String name) {
    int open = name.indexOf('[');
    if (open < 0) {
      return List.of(name);
    }
    List<String> segments = new ArrayList<>();
    segments.add(name.substring(0, open));
    int at = open;
    while (at < name.length()) {
      int close = name.indexOf(']', at);
      if (name.charAt(at) != '[' || close < 0) {
        throw malformed(name);
      }
      segments.add(name.substring(at + 1, close));
      at = close + 1;
    }
    if (segments.get(0).isEmpty()) {
      throw malformed(name);
    }
    return segments;
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ApiError.invalidParameter(null, "parameter_invalid_string",
          "Invalid URL encoding in the request: '" + text + "'");
    }
  }

  private static ApiError malformed(String name) {
    return ApiError.invalidParameter(name, "parameter_unknown", "Invalid parameter name: " + name);
  }

  private static ApiError conflict(String name) {
    return ApiError.invalidParameter(name, "parameter_invalid_string",
        "Invalid hash: " + name + " is given both as a value and as a nested object");
  }
}
