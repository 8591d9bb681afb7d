package dev.ticketing.gateway.input;

import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.ValidatedRequest;
import java.util.Map;

/** A request's input after {@link OperationInput} checked it. The API has no header or cookie parameters. */
record ValidatedInput(Map<String, RequestParameter> path, Map<String, RequestParameter> query, RequestParameter body)
    implements ValidatedRequest {

  @Override
  public Map<String, RequestParameter> getCookies() {
    return Map.of();
  }

  @Override
  public Map<String, RequestParameter> getHeaders() {
    return Map.of();
  }

  @Override
  public Map<String, RequestParameter> getPathParameters() {
    return path;
  }

  @Override
  public Map<String, RequestParameter> getQuery() {
    return query;
  }

  @Override
  public RequestParameter getBody() {
    return body;
  }
}
