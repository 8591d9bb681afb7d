package dev.ticketing.mongowire;

import io.vertx.core.Future;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * For tests written as plain steps on the test thread while the Mongo client runs on its event loops.
 * The stand-in does not depend on the platform module, so it has this one step of its own. Never call it on an event loop.
 */
final class Blocking {

  private Blocking() {
  }

  /** The future's result; its failure is thrown as the cause of an {@link ExecutionException}. */
  static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
