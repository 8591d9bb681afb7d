package dev.ticketing.gateway.input;

import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.ValidatableRequest;
import java.util.Map;

/** A request's input as {@link RequestInput} read it, in the form the OpenAPI validator takes. The API has no header or cookie parameters. */
record InputRequest(Map<String, RequestParameter> path, Map<String, RequestParameter> query,
                    RequestParameter body, String contentType) implements ValidatableRequest {

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

  @Override
  public String getContentType() {
    return contentType;
  }
}
