package dev.ticketing.gateway.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.ticketing.contracts.errors.ApiError;
import dev.ticketing.contracts.errors.ApiException;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks that a request body is strict JSON (RFC 8259) before the validator decodes it with
 * Vert.x's lenient codec, which accepts comments, keeps the last of two equal fields and reads
 * 1e400 as Infinity. Refused, each as a 400: bytes that are not UTF-8; comments, single quotes,
 * unquoted names, NaN and other non-JSON; anything after the value; nesting deeper than
 * {@value #MAX_DEPTH}; a field twice in one object; NUL or a lone surrogate in a string (no field
 * has a use for them, and stores and logs mishandle them); a number with more than
 * {@value #MAX_NUMBER_LENGTH} characters or beyond a double's range. The walk is iterative, so depth
 * costs no stack.
 */
final class StrictJson {

  static final int MAX_DEPTH = 32;
  static final int MAX_NUMBER_LENGTH = 100;

  // A fresh factory is strict by default. Jackson's own number-length limit would fail while reading
  // the token, before this class can name the field, so the limit here is ours.
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNumberLength(Integer.MAX_VALUE).build())
      .build();

  private StrictJson() {
  }

  static void check(Buffer body) {
    try (JsonParser parser = FACTORY.createParser(utf8(body))) {
      walk(parser);
      if (parser.nextToken() != null) {
        throw notJson();
      }
    } catch (IOException syntax) {
      throw notJson();
    }
  }

  private static void walk(JsonParser parser) throws IOException {
    Deque<Set<String>> objects = new ArrayDeque<>();
    int depth = 0;
    do {
      JsonToken token = parser.nextToken();
      if (token == null) {
        throw notJson();
      }
      switch (token) {
        case START_OBJECT, START_ARRAY -> {
          if (++depth > MAX_DEPTH) {
            throw new ApiException(400, "The request body is nested too deeply");
          }
          if (token == JsonToken.START_OBJECT) {
            objects.push(new HashSet<>());
          }
        }
        case END_OBJECT, END_ARRAY -> {
          depth--;
          if (token == JsonToken.END_OBJECT) {
            objects.pop();
          }
        }
        case FIELD_NAME -> {
          if (!objects.peek().add(parser.currentName())) {
            String field = fieldOf(parser.getParsingContext());
            throw new ApiException(400, List.of(new ApiError("Duplicate field " + field, field)));
          }
          if (!isPlainText(parser.getText())) {
            throw new ApiException(400, "The request body contains a character that is not allowed");
          }
        }
        case VALUE_STRING -> {
          if (!isPlainText(parser.getText())) {
            throw fieldError(parser, "contains a character that is not allowed", "The request body contains a character that is not allowed");
          }
        }
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> checkNumber(parser, token);
        default -> { }
      }
    } while (depth > 0);
  }

  private static void checkNumber(JsonParser parser, JsonToken token) throws IOException {
    if (parser.getTextLength() > MAX_NUMBER_LENGTH) {
      throw fieldError(parser, "has too many digits", "A number in the request body has too many digits");
    }
    if (token == JsonToken.VALUE_NUMBER_FLOAT && !Double.isFinite(parser.getDoubleValue())) {
      throw fieldError(parser, "is too large", "A number in the request body is too large");
    }
  }

  /** No NUL, and every surrogate in a pair: text that survives UTF-8 and C strings unchanged. */
  private static boolean isPlainText(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\0') {
        return false;
      }
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  private static ApiException fieldError(JsonParser parser, String problem, String withoutField) {
    String field = fieldOf(parser.getParsingContext());
    return field == null ? new ApiException(400, withoutField)
        : new ApiException(400, List.of(new ApiError(field + " " + problem, field)));
  }

  /** Where the parser is, as the validation errors name fields: "price", "ticket.id", "items.0". */
  private static String fieldOf(JsonStreamContext context) {
    Deque<String> names = new ArrayDeque<>();
    for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
      names.push(at.inArray() ? String.valueOf(at.getCurrentIndex()) : String.valueOf(at.getCurrentName()));
    }
    return names.isEmpty() ? null : String.join(".", names);
  }

  /** The body as text, refusing bytes that are not UTF-8 (Jackson would also take UTF-16 and UTF-32). */
  private static String utf8(Buffer body) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body.getBytes()))
          .toString();
    } catch (CharacterCodingException notUtf8) {
      throw notJson();
    }
  }

  private static ApiException notJson() {
    return new ApiException(400, "The request body is not valid JSON");
  }
}
