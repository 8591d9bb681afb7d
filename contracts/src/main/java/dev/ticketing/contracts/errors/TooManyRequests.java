package dev.ticketing.contracts.errors;

/** HTTP 429. */
public final class TooManyRequests extends ApiException {

  public TooManyRequests(String message) {
    super(429, message);
  }
}
