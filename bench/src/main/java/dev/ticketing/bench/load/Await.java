package dev.ticketing.bench.load;

import io.vertx.core.Future;
import java.util.concurrent.TimeUnit;

/** The benchmark's main thread waits for a step to finish; a step that cannot finish within an hour is a failure. */
public final class Await {

  private Await() {
  }

  public static <T> T result(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (Exception e) {
      throw new IllegalStateException("the benchmark could not finish a step: " + e.getMessage(), e);
    }
  }
}
