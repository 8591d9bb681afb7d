package dev.ticketing.platform.testing;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.function.Supplier;

/** Waits for an asynchronous condition by polling it, instead of sleeping for a guessed time. */
public final class Eventually {

  private static final long POLL_MILLIS = 25;

  private Eventually() {
  }

  public static Future<Void> await(Vertx vertx, long timeoutMillis, String what, Supplier<Future<Boolean>> condition) {
    Promise<Void> done = Promise.promise();
    long deadline = System.currentTimeMillis() + timeoutMillis;
    poll(vertx, deadline, what, condition, done);
    return done.future();
  }

  private static void poll(Vertx vertx, long deadline, String what, Supplier<Future<Boolean>> condition, Promise<Void> done) {
    condition.get().onComplete(result -> {
      if (result.succeeded() && Boolean.TRUE.equals(result.result())) {
        done.complete();
      } else if (System.currentTimeMillis() > deadline) {
        done.fail(new AssertionError("timed out waiting for " + what
            + (result.failed() ? " (last check failed: " + result.cause() + ")" : "")));
      } else {
        vertx.setTimer(POLL_MILLIS, id -> poll(vertx, deadline, what, condition, done));
      }
    });
  }
}
