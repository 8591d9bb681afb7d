package dev.ticketing.contracts.errors;

/** HTTP 409: the request conflicts with work in progress (for example a payment still being processed). */
public final class Conflict extends ApiException {

  public Conflict(String message) {
    super(409, message);
  }
}
