package dev.ticketing.platform.testing;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * For tests written as plain steps (arrange, act, assert) on the test thread, while the system
 * under test runs on its own event loops: wait for a future, or for a condition of other
 * processes. Never call these on an event loop.
 */
public final class Blocking {

  private static final Duration FUTURE_TIMEOUT = Duration.ofSeconds(30);

  private Blocking() {
  }

  /** The future's result; its failure is thrown as the cause of an {@link ExecutionException}. */
  public static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(FUTURE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** What the future failed with; an AssertionError when it succeeded. */
  public static Throwable failureOf(Future<?> future) throws Exception {
    Object result;
    try {
      result = await(future);
    } catch (ExecutionException failed) {
      return failed.getCause();
    }
    throw new AssertionError("expected a failure, got " + result);
  }

  /** The future's result, or null when it failed or took too long. */
  public static <T> T resultOrNull(Future<T> future) {
    try {
      return await(future);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (Exception failed) {
      return null;
    }
  }

  /** Polls {@code condition} until it holds; fails the test after {@code limit}. */
  public static void eventually(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(100);
    }
  }
}
