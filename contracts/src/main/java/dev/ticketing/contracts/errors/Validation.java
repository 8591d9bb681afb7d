package dev.ticketing.contracts.errors;

import java.util.List;

/** HTTP 400 with one entry per invalid field. */
public final class Validation extends ApiException {

  public Validation(List<ApiError> fieldErrors) {
    super(400, fieldErrors);
  }

  public static Validation of(String field, String message) {
    return new Validation(List.of(new ApiError(message, field)));
  }
}
