package dev.ticketing.gateway.input;

import java.util.Locale;

/**
 * The one media type request bodies may have: {@code application/json}, with no parameter but an
 * optional {@code charset=utf-8} (JSON is UTF-8, RFC 8259). Names are case-insensitive and the
 * charset may be quoted. {@code application/jsonx}, {@code application/json-patch+json} and
 * {@code text/json} are other types, and so is JSON in another charset.
 */
final class JsonMediaType {

  static final String APPLICATION_JSON = "application/json";

  private JsonMediaType() {
  }

  static boolean accepts(String contentType) {
    if (contentType == null) {
      return false;
    }
    String[] parts = contentType.split(";", -1);
    if (!parts[0].trim().equalsIgnoreCase(APPLICATION_JSON)) {
      return false;
    }
    for (int i = 1; i < parts.length; i++) {
      if (!isUtf8Charset(parts[i].trim())) {
        return false;
      }
    }
    return true;
  }

  private static boolean isUtf8Charset(String parameter) {
    int equals = parameter.indexOf('=');
    if (equals < 0 || !parameter.substring(0, equals).trim().equalsIgnoreCase("charset")) {
      return false;
    }
    String value = parameter.substring(equals + 1).trim();
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      value = value.substring(1, value.length() - 1);
    }
    return value.toLowerCase(Locale.ROOT).equals("utf-8");
  }
}
