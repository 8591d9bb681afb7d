package dev.ticketing.gateway.errors;

import dev.ticketing.contracts.errors.ApiError;
import dev.ticketing.contracts.errors.ApiException;
import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatorException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns vertx-openapi validation failures into our error shape with human messages and the
 * offending body field. The library's own text is never sent: it describes schemas, not the
 * request, and it may change between versions.
 */
final class ValidationErrors {

  private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");
  private static final Pattern PARAMETER = Pattern.compile("parameter (\\w+)");
  private static final List<String> SPECIFICITY = List.of("type", "oneOf", "anyOf", "maxLength", "minLength",
      "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "required", "additionalProperties", "unevaluatedProperties");

  private ValidationErrors() {
  }

  static ApiException from(ValidatorException failure) {
    return switch (failure.type()) {
      case UNSUPPORTED_VALUE_FORMAT -> new ApiException(415, "Content-Type must be application/json");
      case MISSING_REQUIRED_PARAMETER -> isAboutBody(failure)
          ? new ApiException(400, "A JSON request body is required") : parameterError("Missing parameter", failure);
      case INVALID_VALUE_FORMAT, ILLEGAL_VALUE -> isAboutBody(failure)
          ? new ApiException(400, "The request body is not valid JSON") : parameterError("Invalid parameter", failure);
      case INVALID_VALUE -> failure instanceof SchemaValidationException schema && isAboutBody(failure)
          ? new ApiException(400, bodyErrors(schema.getOutputUnit()))
          : parameterError("Invalid parameter", failure);
      default -> new ApiException(400, "Bad request");
    };
  }

  private static boolean isAboutBody(ValidatorException failure) {
    String message = String.valueOf(failure.getMessage()).toLowerCase();
    return message.contains("body") || !message.contains("parameter");
  }

  /** A query or path parameter's error; {@code field} names the parameter, so a form can show it beside its input. */
  private static ApiException parameterError(String problem, ValidatorException failure) {
    Matcher matcher = PARAMETER.matcher(String.valueOf(failure.getMessage()));
    String name = matcher.find() ? matcher.group(1) : null;
    return new ApiException(400, List.of(new ApiError(name == null ? problem : problem + " " + name, name)));
  }

  /**
   * One error per field. The validator reports a field that fails, say, its type also under
   * "oneOf" and "additionalProperties"; the most specific keyword wins.
   */
  private static List<ApiError> bodyErrors(OutputUnit root) {
    List<OutputUnit> leaves = new ArrayList<>();
    collect(root, leaves);
    Map<String, OutputUnit> byField = new LinkedHashMap<>();
    for (OutputUnit leaf : leaves) {
      String field = String.valueOf(fieldOf(leaf));
      OutputUnit kept = byField.get(field);
      if (kept == null || rank(keyword(leaf)) < rank(keyword(kept))) {
        byField.put(field, leaf);
      }
    }
    List<ApiError> errors = byField.values().stream().map(ValidationErrors::describe).toList();
    return errors.isEmpty() ? List.of(ApiError.of("The request body is invalid")) : errors;
  }

  private static void collect(OutputUnit unit, List<OutputUnit> leaves) {
    if (unit.getErrors() != null && !unit.getErrors().isEmpty()) {
      unit.getErrors().forEach(child -> collect(child, leaves));
    } else if (unit.getError() != null) {
      leaves.add(unit);
    }
  }

  private static int rank(String keyword) {
    int index = SPECIFICITY.indexOf(keyword);
    return index < 0 ? SPECIFICITY.size() : index;
  }

  private static String keyword(OutputUnit unit) {
    return lastSegment(unit.getKeywordLocation());
  }

  /** The field an error is about: where it points, or for required/unknown fields the name it quotes. */
  private static String fieldOf(OutputUnit unit) {
    String field = fieldOf(unit.getInstanceLocation());
    return field != null ? field : switch (keyword(unit)) {
      case "required", "additionalProperties", "unevaluatedProperties" -> firstQuoted(unit.getError());
      default -> null;
    };
  }

  private static ApiError describe(OutputUnit unit) {
    String keyword = keyword(unit);
    String field = fieldOf(unit);
    return switch (keyword) {
      case "required" -> new ApiError(field == null ? "A required field is missing" : field + " is required", field);
      case "additionalProperties", "unevaluatedProperties" ->
          new ApiError("Unknown field" + (field == null ? "" : " " + field), field);
      case "type", "oneOf", "anyOf" -> field == null
          ? ApiError.of("The request body must be a JSON object")
          : new ApiError(field + " has the wrong type", field);
      case "maxLength" -> new ApiError(field + " is too long", field);
      case "minLength" -> new ApiError(field + " is too short", field);
      case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum" -> new ApiError(field + " is out of range", field);
      default -> field == null ? ApiError.of("The request body is invalid") : new ApiError(field + " is invalid", field);
    };
  }

  /** "/price" → "price"; nested "/ticket/id" → "ticket.id"; the root → null. */
  private static String fieldOf(String instanceLocation) {
    if (instanceLocation == null) {
      return null;
    }
    String path = instanceLocation.replaceFirst("^#?/?", "");
    return path.isEmpty() ? null : path.replace('/', '.');
  }

  private static String lastSegment(String location) {
    if (location == null) {
      return "";
    }
    String[] parts = location.split("/");
    return parts.length == 0 ? "" : parts[parts.length - 1];
  }

  private static String firstQuoted(String text) {
    Matcher matcher = QUOTED.matcher(String.valueOf(text));
    return matcher.find() ? matcher.group(1) : null;
  }
}
