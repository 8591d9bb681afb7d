package dev.ticketing.tickets.store;

import dev.ticketing.contracts.events.Versioned;
import dev.ticketing.platform.delivery.OutOfOrder;
import dev.ticketing.platform.delivery.Outcome;
import dev.ticketing.platform.mongo.Mongo;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.util.function.Supplier;

/**
 * Which version of each order we have applied, in collection {@value #COLLECTION}
 * ({@code {_id: orderId, version}}). Order events describe the order, not the ticket, so the
 * ticket's own version cannot tell a duplicate or a gap; this small record can.
 *
 * <p>The effect on the ticket is written first and the version recorded second. A crash in between
 * leaves the version unrecorded, so the event is delivered again and the effect, written to be
 * idempotent, is recognised as done; recording the version cannot run ahead of the effect.
 */
public final class OrderVersions {

  static final String COLLECTION = "order_versions";

  private final MongoClient mongo;

  public OrderVersions(MongoClient mongo) {
    this.mongo = mongo;
  }

  /**
   * Runs {@code effect} for an order event we have not applied yet, then records its version.
   * Version 0 (the order's creation) needs nothing before it; any later version needs the creation
   * applied, else it is refused with {@link OutOfOrder} and comes again.
   */
  public Future<Outcome> applyOnce(Versioned event, Supplier<Future<?>> effect) {
    return held(event.id()).compose(held -> {
      if (held == null && event.version() > 0) {
        return Future.failedFuture(new OutOfOrder("order " + event.id() + " v" + event.version()
            + " arrived before its creation was applied"));
      }
      if (held != null && held >= event.version()) {
        return Future.succeededFuture(Outcome.DUPLICATE);
      }
      return effect.get().compose(done -> record(event)).map(Outcome.APPLIED);
    });
  }

  /** The version applied for this order, or null when we have applied none. */
  public Future<Long> held(String orderId) {
    return mongo.findOne(COLLECTION, new JsonObject().put("_id", orderId), null)
        .map(document -> document == null ? null : document.getLong("version"));
  }

  /** Raises the recorded version to the event's, never lowers it ($max), creating the record if needed. */
  private Future<Void> record(Versioned event) {
    JsonObject filter = new JsonObject().put("_id", event.id());
    JsonObject raise = new JsonObject().put("$max", new JsonObject().put("version", event.version()));
    return mongo.updateCollectionWithOptions(COLLECTION, filter, raise, new UpdateOptions().setUpsert(true))
        // Two upserts of one new record can race to insert it; the loser's update then applies normally.
        .recover(failure -> Mongo.isDuplicateKey(failure) ? mongo.updateCollection(COLLECTION, filter, raise) : Future.failedFuture(failure))
        .mapEmpty();
  }
}
