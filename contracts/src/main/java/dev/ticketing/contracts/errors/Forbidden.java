package dev.ticketing.contracts.errors;

/** HTTP 403: signed in, but the resource is not yours (or the request came from another site). */
public final class Forbidden extends ApiException {

  public Forbidden(String message) {
    super(403, message);
  }
}
