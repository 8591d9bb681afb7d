package dev.ticketing.gateway.input;

import io.vertx.core.buffer.Buffer;
import io.vertx.json.schema.JsonSchemaValidationException;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.json.schema.Validator;
import io.vertx.openapi.contract.Location;
import io.vertx.openapi.contract.MediaType;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.contract.RequestBody;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidationContext;
import io.vertx.openapi.validation.ValidatorErrorType;
import io.vertx.openapi.validation.ValidatorException;
import io.vertx.openapi.validation.analyser.ContentAnalyser;
import io.vertx.openapi.validation.transformer.FormTransformer;
import io.vertx.openapi.validation.transformer.ParameterTransformer;
import io.vertx.openapi.validation.transformer.SimpleTransformer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One operation's input checks, prepared once when the route is mounted: a compiled schema
 * validator per parameter and for the body. The library's own request validator builds a new
 * schema validator for every parameter of every request (copying the whole schema repository each
 * time) and runs on a worker thread; profiled under load that was most of the gateway's CPU. The
 * checks and their error messages are the library's: the same transformers, the same exceptions.
 * Runs on the event loop: validating a few fields against a compiled schema takes microseconds.
 */
final class OperationInput {

  private static final RequestParameter ABSENT = () -> null;

  /** A parameter with its transformer (path values are "simple" style, query values "form") and its compiled schema. */
  private record PreparedParameter(Parameter parameter, ParameterTransformer transformer, Validator validator) {
  }

  private final List<PreparedParameter> parameters;
  private final RequestBody body;
  private final MediaType bodyType;
  private final Validator bodyValidator;

  OperationInput(Operation operation, SchemaRepository schemas) {
    ParameterTransformer simple = new SimpleTransformer();
    ParameterTransformer form = new FormTransformer();
    this.parameters = operation.getParameters().stream()
        .map(parameter -> new PreparedParameter(parameter, parameter.getIn() == Location.PATH ? simple : form,
            schemas.validator(parameter.getSchema())))
        .toList();
    this.body = operation.getRequestBody();
    this.bodyType = body == null ? null : body.getContent().get(JsonMediaType.APPLICATION_JSON);
    this.bodyValidator = bodyType == null ? null : schemas.validator(bodyType.getSchema());
  }

  /**
   * The validated input; {@code path} and {@code query} hold the raw values by name (absent ones
   * missing), {@code json} the body (null when there is none).
   *
   * @throws ValidatorException naming what is missing or invalid
   */
  ValidatedInput validate(Map<String, String> path, Map<String, String> query, Buffer json) {
    Map<String, RequestParameter> validPath = new HashMap<>();
    Map<String, RequestParameter> validQuery = new HashMap<>();
    for (PreparedParameter prepared : parameters) {
      Parameter parameter = prepared.parameter();
      boolean inPath = parameter.getIn() == Location.PATH;
      String raw = (inPath ? path : query).get(parameter.getName());
      (inPath ? validPath : validQuery).put(parameter.getName(), parameter(prepared, raw));
    }
    return new ValidatedInput(validPath, validQuery, body(json));
  }

  private static RequestParameter parameter(PreparedParameter prepared, String raw) {
    Parameter parameter = prepared.parameter();
    if (raw == null) {
      if (parameter.isRequired()) {
        throw ValidatorException.createMissingRequiredParameter(parameter);
      }
      return ABSENT;
    }
    Object value = prepared.transformer().transform(parameter, raw);
    OutputUnit result = prepared.validator().validate(value);
    try {
      result.checkValidity();
    } catch (JsonSchemaValidationException invalid) {
      throw SchemaValidationException.createErrorFromOutputUnitType(parameter, result, invalid);
    }
    return () -> value;
  }

  private RequestParameter body(Buffer json) {
    if (body == null) {
      return ABSENT;
    }
    if (json == null || json.length() == 0) {
      if (body.isRequired()) {
        throw new ValidatorException("The related request does not contain the required body.",
            ValidatorErrorType.MISSING_REQUIRED_PARAMETER);
      }
      return ABSENT;
    }
    ContentAnalyser analyser = ContentAnalyser.getContentAnalyser(bodyType, JsonMediaType.APPLICATION_JSON, json,
        ValidationContext.REQUEST);
    analyser.checkSyntacticalCorrectness();
    Object value = analyser.transform();
    OutputUnit result = bodyValidator.validate(value);
    try {
      result.checkValidity();
    } catch (JsonSchemaValidationException invalid) {
      throw SchemaValidationException.createInvalidValueBody(result, ValidationContext.REQUEST, invalid);
    }
    return () -> value;
  }
}
