package dev.ticketing.contracts.errors;

/** HTTP 401: no valid session. */
public final class NotAuthorized extends ApiException {

  public NotAuthorized(String message) {
    super(401, message);
  }
}
