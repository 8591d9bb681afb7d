package dev.ticketing.contracts.errors;

/** HTTP 400. */
public final class BadRequest extends ApiException {

  public BadRequest(String message) {
    super(400, message);
  }
}
