package dev.ticketing.gateway.http;

import dev.ticketing.contracts.errors.ApiError;
import dev.ticketing.contracts.errors.ApiException;
import dev.ticketing.contracts.errors.NotFound;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Root handler: refuses a request whose path or query cannot be percent-decoded as UTF-8, before
 * anything decodes it. Vert.x decodes lazily, while matching a route or reading a parameter, and
 * throws there, which surfaced as a 500 or a plain-text 400. A path that cannot be decoded names
 * no resource (404); a query value that cannot is a bad parameter, named when its name decodes.
 * A request in an HTTP version we do not speak (HTTP/9.9, say) is a bad request, too.
 */
public final class RequestTarget implements PlatformHandler {

  @Override
  public void handle(RoutingContext ctx) {
    if (ctx.request().version() == null) {
      ctx.fail(new ApiException(400, "The request is not valid HTTP: only HTTP/1.0 and HTTP/1.1 are served"));
      return;
    }
    String path = ctx.request().path();
    if (path != null && !decodes(path, false)) {
      ctx.fail(new NotFound("Not found"));
      return;
    }
    String query = ctx.request().query();
    ApiException badQuery = query == null ? null : checkQuery(query);
    if (badQuery != null) {
      ctx.fail(badQuery);
      return;
    }
    ctx.next();
  }

  /** Null when every name and value decodes; else the error, naming the first bad parameter. */
  private static ApiException checkQuery(String query) {
    for (String pair : query.split("&", -1)) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      if (!decodes(name, true)) {
        return new ApiException(400, "The query string is not valid");
      }
      if (equals >= 0 && !decodes(pair.substring(equals + 1), true)) {
        String decodedName = decode(name, true);
        return new ApiException(400, List.of(new ApiError("Invalid parameter " + decodedName, decodedName)));
      }
    }
    return null;
  }

  private static boolean decodes(String encoded, boolean plusIsSpace) {
    return decode(encoded, plusIsSpace) != null;
  }

  /**
   * Strict percent-decoding: every {@code %} starts two hex digits and the bytes are UTF-8
   * ({@code URLDecoder} would put U+FFFD in place of bad bytes). Null when it does not decode.
   */
  static String decode(String encoded, boolean plusIsSpace) {
    if (encoded.indexOf('%') < 0) {
      return plusIsSpace ? encoded.replace('+', ' ') : encoded;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
    for (int i = 0; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      if (c == '%') {
        int high = i + 2 < encoded.length() ? Character.digit(encoded.charAt(i + 1), 16) : -1;
        int low = high < 0 ? -1 : Character.digit(encoded.charAt(i + 2), 16);
        if (low < 0) {
          return null;
        }
        bytes.write(high * 16 + low);
        i += 2;
      } else {
        byte[] literal = String.valueOf(plusIsSpace && c == '+' ? ' ' : c).getBytes(StandardCharsets.UTF_8);
        bytes.write(literal, 0, literal.length);
      }
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException notUtf8) {
      return null;
    }
  }
}
