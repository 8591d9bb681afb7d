package dev.ticketing.platform.testing;

import dev.ticketing.contracts.errors.ApiException;
import io.vertx.core.Future;
import io.vertx.core.eventbus.ReplyException;

/**
 * For tests of refusals on the event bus: turns a request that must fail into a future of how it
 * failed, so a fixture can hand it to {@link Blocking#await} or compose it. Each fails with an
 * AssertionError when the request succeeded, or failed some other way than with a reply.
 */
public final class Refusals {

  private Refusals() {
  }

  /** The reply failure {@code request} ended with. */
  public static Future<ReplyException> of(Future<?> request) {
    return request.transform(result -> {
      if (result.succeeded()) {
        return Future.failedFuture(new AssertionError("expected a refusal, got " + result.result()));
      }
      return result.cause() instanceof ReplyException reply ? Future.succeededFuture(reply)
          : Future.failedFuture(new AssertionError("expected a refusal, got " + result.cause(), result.cause()));
    });
  }

  /** Its failure code: the status of a command, or how a listener refused an event (e.g. out of order). */
  public static Future<Integer> code(Future<?> request) {
    return of(request).map(ReplyException::failureCode);
  }

  /** The typed API error, rebuilt from the reply as the gateway rebuilds it. */
  public static Future<ApiException> apiError(Future<?> request) {
    return of(request).compose(reply -> {
      ApiException api = ApiException.fromWire(reply.failureCode(), reply.getMessage());
      return api != null ? Future.succeededFuture(api)
          : Future.failedFuture(new AssertionError("not an API error: " + reply.failureCode() + " " + reply.getMessage()));
    });
  }
}
