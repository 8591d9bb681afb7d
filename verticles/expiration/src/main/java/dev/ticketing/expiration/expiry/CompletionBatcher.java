package dev.ticketing.expiration.expiry;

import dev.ticketing.expiration.store.ExpirationSchedule;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;

/**
 * Removes acknowledged orders from Redis with one ZREM at a time, carrying every acknowledgement
 * that arrived while the previous one ran (group commit). Each Redis write costs an fsync
 * (appendfsync always), so one write per order would cap how many orders per second we can send.
 * Confined to the poller's event loop.
 */
final class CompletionBatcher {

  private final ExpirationSchedule schedule;
  private List<String> next = new ArrayList<>();
  private Promise<Void> nextWritten = Promise.promise();
  private boolean writing;

  CompletionBatcher(ExpirationSchedule schedule) {
    this.schedule = schedule;
  }

  /** Completes when the order is gone from Redis, or fails when the write carrying it failed. */
  Future<Void> completed(String orderId) {
    next.add(orderId);
    Future<Void> written = nextWritten.future();
    writeNext();
    return written;
  }

  private void writeNext() {
    if (writing || next.isEmpty()) {
      return;
    }
    List<String> batch = next;
    Promise<Void> written = nextWritten;
    next = new ArrayList<>();
    nextWritten = Promise.promise();
    writing = true;
    schedule.completed(batch).onComplete(result -> {
      writing = false;
      written.handle(result);
      writeNext();
    });
  }
}
