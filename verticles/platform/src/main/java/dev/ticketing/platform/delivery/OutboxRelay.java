package dev.ticketing.platform.delivery;

import dev.ticketing.contracts.events.ConsumerGroup;
import dev.ticketing.contracts.events.Subject;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the {@link Outbox} entries of one collection. Each entry goes by request/reply to its
 * group's address and is removed ({@code $pull}) only after that group acknowledged it, so nothing
 * is lost when a consumer is down, times out or refuses: the document is retried with exponential
 * backoff. Entries of one document reach each group in order, one at a time, so a consumer sees an
 * aggregate's events in version order unless a redelivery overtakes them (which version checks
 * absorb). A periodic sweep finds entries that nobody is delivering, for example after a crash.
 *
 * <p>All state is confined to the context that created the relay; {@link #kick} may be called from
 * anywhere.
 */
public final class OutboxRelay {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
  private static final JsonObject PENDING = new JsonObject().put(Outbox.FIELD + ".0", new JsonObject().put("$exists", true));

  private final Vertx vertx;
  private final Context context;
  private final MongoClient mongo;
  private final String collection;
  private final RelaySettings settings;

  private final Set<String> draining = new HashSet<>();
  private final Set<String> drainAgain = new HashSet<>();
  private final Set<String> waitingToRetry = new HashSet<>();
  private final Map<String, Integer> failures = new HashMap<>();
  private long delivered;
  private long failedAttempts;
  private boolean sweeping;
  private boolean stopped;
  private Promise<Void> idle;
  private long sweepTimer = -1;

  public OutboxRelay(Vertx vertx, MongoClient mongo, String collection, RelaySettings settings) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.mongo = mongo;
    this.collection = collection;
    this.settings = settings;
  }

  /** Starts the periodic sweep and runs the first one now, to pick up what a previous run left. */
  public Future<Void> start() {
    context.runOnContext(ignored -> {
      sweepTimer = vertx.setPeriodic(settings.sweepMillis(), id -> sweep());
      sweep();
    });
    return Future.succeededFuture();
  }

  /**
   * Stops sweeping and retrying; the future completes once deliveries in flight have finished (at
   * most one send timeout later), so the caller can close the Mongo client safely afterwards.
   * Whatever is still undelivered stays in the outboxes for the next start.
   */
  public Future<Void> stop() {
    Promise<Void> stoppedPromise = Promise.promise();
    context.runOnContext(ignored -> {
      stopped = true;
      if (sweepTimer >= 0) {
        vertx.cancelTimer(sweepTimer);
      }
      idle = stoppedPromise;
      completeIfIdle();
    });
    return stoppedPromise.future()
        .timeout(settings.sendTimeoutMillis() + 1000, TimeUnit.MILLISECONDS)
        .recover(slow -> Future.succeededFuture());
  }

  private void completeIfIdle() {
    if (stopped && idle != null && draining.isEmpty()) {
      idle.tryComplete();
    }
  }

  /** Entries acknowledged by their group so far. */
  public long delivered() {
    return delivered;
  }

  /** Deliveries that failed (no consumer, timeout, refusal) and were scheduled again. */
  public long failedAttempts() {
    return failedAttempts;
  }

  /** Delivers the outbox of one document now; called right after a write that added entries. */
  public void kick(String documentId) {
    context.runOnContext(ignored -> drain(documentId));
  }

  private void sweep() {
    if (sweeping) {
      return;
    }
    sweeping = true;
    FindOptions options = new FindOptions().setFields(new JsonObject().put("_id", 1)).setLimit(settings.sweepBatch());
    mongo.findWithOptions(collection, PENDING, options)
        .onSuccess(documents -> documents.forEach(document -> {
          String id = document.getString("_id");
          if (!waitingToRetry.contains(id)) {
            drain(id);
          }
        }))
        .onFailure(e -> log.warn("outbox sweep of {} failed", collection, e))
        .onComplete(done -> sweeping = false);
  }

  private void drain(String documentId) {
    if (stopped) {
      return;
    }
    if (!draining.add(documentId)) {
      drainAgain.add(documentId); // a drain is running; it will look again when it finishes
      return;
    }
    mongo.findOne(collection, new JsonObject().put("_id", documentId), new JsonObject().put(Outbox.FIELD, 1))
        .compose(document -> deliverAll(documentId, document == null ? new JsonArray()
            : document.getJsonArray(Outbox.FIELD, new JsonArray())))
        .onComplete(result -> {
          draining.remove(documentId);
          completeIfIdle();
          boolean again = drainAgain.remove(documentId);
          if (result.succeeded()) {
            failures.remove(documentId);
            if (again) {
              drain(documentId);
            }
          } else {
            retryLater(documentId, result.cause());
          }
        });
  }

  /** Delivers each group's entries in order; the groups proceed independently of each other. */
  private Future<Void> deliverAll(String documentId, JsonArray entries) {
    Map<String, List<JsonObject>> byGroup = new LinkedHashMap<>();
    for (Object entry : entries) {
      JsonObject json = (JsonObject) entry;
      byGroup.computeIfAbsent(json.getString("group"), group -> new ArrayList<>()).add(json);
    }
    List<Future<Void>> groups = byGroup.values().stream().map(list -> deliverInOrder(documentId, list, 0)).toList();
    // join, not all: the drain ends only when every group has finished, or a retry could re-send
    // an entry whose acknowledgement is still on its way (a duplicate, absorbed but wasteful).
    return Future.join(groups).mapEmpty();
  }

  private Future<Void> deliverInOrder(String documentId, List<JsonObject> entries, int index) {
    if (index == entries.size()) {
      return Future.succeededFuture();
    }
    return deliver(documentId, entries.get(index)).compose(done -> deliverInOrder(documentId, entries, index + 1));
  }

  private Future<Void> deliver(String documentId, JsonObject entry) {
    Subject subject = Subject.fromWire(entry.getString("subject"));
    ConsumerGroup group = ConsumerGroup.fromWire(entry.getString("group"));
    DeliveryOptions options = new DeliveryOptions()
        .setSendTimeout(settings.sendTimeoutMillis())
        .addHeader(Subject.HEADER_EVENT_ID, entry.getString("eventId"))
        .addHeader(Subject.HEADER_SUBJECT, subject.wireName())
        .addHeader(Subject.HEADER_SCHEMA, String.valueOf(subject.schemaVersion()));
    JsonObject pull = new JsonObject().put("$pull",
        new JsonObject().put(Outbox.FIELD, new JsonObject().put("id", entry.getString("id"))));
    return vertx.eventBus().request(subject.address(group), entry.getJsonObject("payload"), options)
        .compose(acknowledged -> mongo.updateCollection(collection, new JsonObject().put("_id", documentId), pull))
        .<Void>mapEmpty()
        .onSuccess(done -> delivered++);
  }

  private void retryLater(String documentId, Throwable cause) {
    failedAttempts++;
    int attempt = failures.merge(documentId, 1, Integer::sum);
    long base = Math.min(settings.backoffMaxMillis(), settings.backoffMinMillis() << Math.min(attempt - 1, 20));
    long delay = base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1); // jitter spreads retries of many documents
    if (attempt == 1 || attempt % 20 == 0) {
      log.info("outbox of {}/{} not delivered (attempt {}): {}; retrying in {} ms",
          collection, documentId, attempt, cause.getMessage(), delay);
    }
    if (!stopped && waitingToRetry.add(documentId)) {
      vertx.setTimer(delay, id -> {
        waitingToRetry.remove(documentId);
        drain(documentId);
      });
    }
  }
}
