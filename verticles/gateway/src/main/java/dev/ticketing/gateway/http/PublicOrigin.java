package dev.ticketing.gateway.http;

import io.vertx.core.http.HttpServerRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The origin a browser used to reach us, {@code scheme://host[:port]}. Without trusted proxies it is
 * the request's own scheme and Host. Behind N trusted reverse proxies, which rewrite Host, it is what
 * the outermost of them saw and forwarded: the standard {@code Forwarded: host=...;proto=...}
 * (RFC 7239) if present, else {@code X-Forwarded-Host} and {@code X-Forwarded-Proto}. As with
 * {@link ClientAddress}, the entry taken is the N-th from the right, each proxy appending its own;
 * when the chain added fewer (proxies that overwrite instead), the first. A browser cannot forge
 * these headers on a cross-site request without a CORS preflight, which we never grant.
 */
public final class PublicOrigin {

  private PublicOrigin() {
  }

  public static String of(HttpServerRequest request, int trustedProxyHops) {
    String scheme = request.scheme();
    String host = request.getHeader("Host");
    if (trustedProxyHops > 0) {
      List<String> forwarded = split(String.join(",", request.headers().getAll("Forwarded")), ',');
      if (!forwarded.isEmpty()) {
        String element = pick(forwarded, trustedProxyHops);
        host = orElse(parameter(element, "host"), host);
        scheme = orElse(parameter(element, "proto"), scheme);
      } else {
        host = orElse(pick(split(String.join(",", request.headers().getAll("X-Forwarded-Host")), ','), trustedProxyHops), host);
        scheme = orElse(pick(split(String.join(",", request.headers().getAll("X-Forwarded-Proto")), ','), trustedProxyHops), scheme);
      }
    }
    return normalize(scheme + "://" + host);
  }

  /** Lower case, without the scheme's default port, so equal origins compare equal however they were written. */
  public static String normalize(String origin) {
    String lower = origin.toLowerCase(Locale.ROOT);
    if (lower.startsWith("https://") && lower.endsWith(":443")) {
      return lower.substring(0, lower.length() - 4);
    }
    if (lower.startsWith("http://") && lower.endsWith(":80")) {
      return lower.substring(0, lower.length() - 3);
    }
    return lower;
  }

  private static String pick(List<String> entries, int trustedProxyHops) {
    if (entries.isEmpty()) {
      return null;
    }
    return entries.get(Math.max(0, entries.size() - trustedProxyHops));
  }

  /** The value of {@code name} in one Forwarded element ({@code for=a;host="b:1";proto=https}), unquoted. */
  private static String parameter(String element, String name) {
    for (String pair : split(element, ';')) {
      int equals = pair.indexOf('=');
      if (equals > 0 && pair.substring(0, equals).trim().equalsIgnoreCase(name)) {
        String value = pair.substring(equals + 1).trim();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
          value = value.substring(1, value.length() - 1).replaceAll("\\\\(.)", "$1");
        }
        return value;
      }
    }
    return null;
  }

  /** {@code text} split at {@code separator} outside quoted strings, trimmed, without empty parts. */
  private static List<String> split(String text, char separator) {
    List<String> parts = new ArrayList<>();
    StringBuilder part = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' && (i == 0 || text.charAt(i - 1) != '\\')) {
        quoted = !quoted;
      }
      if (c == separator && !quoted) {
        add(parts, part);
      } else {
        part.append(c);
      }
    }
    add(parts, part);
    return parts;
  }

  private static void add(List<String> parts, StringBuilder part) {
    String trimmed = part.toString().trim();
    if (!trimmed.isEmpty()) {
      parts.add(trimmed);
    }
    part.setLength(0);
  }

  private static String orElse(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }
}
