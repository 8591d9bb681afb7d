package dev.ticketing.contracts.errors;

/** HTTP 404. */
public final class NotFound extends ApiException {

  public NotFound(String message) {
    super(404, message);
  }
}
