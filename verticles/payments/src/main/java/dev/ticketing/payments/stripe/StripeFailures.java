package dev.ticketing.payments.stripe;

import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.PermissionException;
import com.stripe.exception.StripeException;
import dev.ticketing.contracts.errors.ApiException;
import dev.ticketing.contracts.errors.Conflict;
import dev.ticketing.contracts.errors.Validation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Translates stripe-java's exceptions into what our callers act on: a decline, an answer for the
 * client, or a bug. Stripe's own texts are logged, never sent to clients (except a decline's
 * message, which Stripe writes for the buyer).
 */
final class StripeFailures {

  private static final Logger log = LoggerFactory.getLogger(StripeFailures.class);
  static final String UNAVAILABLE = "Payments are temporarily unavailable";
  static final String IN_PROGRESS = "A payment for this order is already in progress";
  static final String UNKNOWN_TOKEN = "Token is not a known Stripe test token or payment method";
  private static final int IDEMPOTENCY_IN_PROGRESS = 409;

  private StripeFailures() {
  }

  static Throwable ofCharge(Throwable failure, String intentId) {
    if (failure instanceof CardException declined) {
      String message = declined.getStripeError() != null ? declined.getStripeError().getMessage() : "Your card was declined.";
      return new CardDeclined(message, declined.getDeclineCode());
    }
    if (failure instanceof InvalidRequestException invalid && !(failure instanceof IdempotencyException)
        && invalid.getParam() != null && invalid.getParam().startsWith("payment_method")) {
      log.info("Stripe refused the payment method for intent {}: {}", intentId, invalid.getMessage());
      return Validation.of("token", UNKNOWN_TOKEN);
    }
    return common(failure, "confirmation of " + intentId);
  }

  /** Any other call: only the common answers apply. */
  static Throwable of(Throwable failure, String what) {
    return common(failure, what);
  }

  static Throwable ofRefund(Throwable failure, String stripeId) {
    if (failure instanceof InvalidRequestException invalid && "charge_already_refunded".equals(invalid.getCode())) {
      return new AlreadyRefunded(stripeId);
    }
    return common(failure, "refund of " + stripeId);
  }

  private static Throwable common(Throwable failure, String what) {
    // A mismatch (400) or an in-flight twin (409): another request with our key is, or was, doing this.
    if (failure instanceof IdempotencyException
        || failure instanceof StripeException stripe && Integer.valueOf(IDEMPOTENCY_IN_PROGRESS).equals(stripe.getStatusCode())) {
      log.info("Stripe {}: idempotency key in use: {}", what, failure.getMessage());
      return new Conflict(IN_PROGRESS);
    }
    if (failure instanceof AuthenticationException || failure instanceof PermissionException) {
      log.error("Stripe refused our API key during {}: check STRIPE_KEY. {}", what, failure.getMessage());
      return new ApiException(503, UNAVAILABLE);
    }
    if (failure instanceof ApiConnectionException || failure instanceof com.stripe.exception.ApiException
        || failure instanceof com.stripe.exception.RateLimitException) {
      log.warn("Stripe unavailable during {}: {}", what, failure.getMessage());
      return new ApiException(503, UNAVAILABLE);
    }
    // Stripe refused parameters we built: a bug here, reported as a generic 500 by the command binder.
    log.error("Stripe refused the {}", what, failure);
    return new IllegalStateException("Stripe refused the " + what, failure);
  }
}
