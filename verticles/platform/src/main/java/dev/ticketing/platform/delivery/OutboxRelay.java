package dev.ticketing.platform.delivery;

import dev.ticketing.contracts.events.ConsumerGroup;
import dev.ticketing.contracts.events.Subject;
import dev.ticketing.platform.mongo.DueKeys;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
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
 * group's address and is removed only after that group acknowledged it, so nothing is lost when a
 * consumer is down, times out or refuses: the document is retried with exponential backoff.
 *
 * <ul>
 *   <li>A store hands over the document it just wrote ({@link #kick(String, JsonObject)}), so
 *       delivery starts at once and without reading it again.</li>
 *   <li>At most {@code maxInFlight} documents are delivered at once; the others queue here, and
 *       stay marked in the pending index (see {@link Outbox}) should they queue until a crash.</li>
 *   <li>A periodic sweep asks the pending index for documents due now, oldest first, and claims
 *       each before delivering it (its due key moves forward), so two instances do not both take
 *       it. A document waiting to be retried is due only at its retry time, so the ones that keep
 *       failing can never hide those behind them.</li>
 *   <li>An entry its consumer refused {@code deadLetterAfter} times goes to {@link DeadLetters}.</li>
 * </ul>
 *
 * <p>All state is confined to the context that created the relay; the public methods may be
 * called from anywhere.
 */
public final class OutboxRelay {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
  /** A sweep leaves documents written this recently (or two sweep periods, if shorter) to the writer's own kick. */
  private static final long SETTLE_MILLIS = 2_000;

  private final Vertx vertx;
  private final Context context;
  private final String collection;
  private final RelaySettings settings;
  private final OutboxStore store;
  private final DueKeys pending;
  private final DeadLetters deadLetters;
  private final DocumentDrain drain;

  private final Set<String> draining = new HashSet<>();
  private final Set<String> drainAgain = new HashSet<>();
  private final LinkedHashMap<String, JsonObject> queued = new LinkedHashMap<>();
  private final Map<String, Long> retryTimers = new HashMap<>();
  private final Map<String, Integer> failures = new HashMap<>();
  private final Map<String, Integer> refusals = new HashMap<>();
  private final Map<String, List<Promise<JsonObject>>> waiters = new HashMap<>();
  private final RelayCounters counters;
  private boolean sweeping;
  private boolean stopped;
  private Promise<Void> idle;
  private long sweepTimer = -1;

  public OutboxRelay(Vertx vertx, MongoClient mongo, String collection, RelaySettings settings) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.collection = collection;
    this.settings = settings;
    this.counters = new RelayCounters(collection);
    this.store = new OutboxStore(mongo, collection, settings.storeTimeoutMillis());
    this.pending = new DueKeys(mongo, collection, Outbox.PENDING);
    this.deadLetters = new DeadLetters(mongo, collection);
    this.drain = new DocumentDrain(vertx, settings, this::countRefusal, this::setAsideIfHopeless, this::acknowledged);
  }

  /** Creates the relay's indexes, then sweeps now (for what a previous run left) and periodically. */
  public Future<Void> start() {
    return store.createIndexes(pending)
        .compose(indexed -> store.markLegacyPending())
        .onSuccess(ready -> context.runOnContext(ignored -> {
          sweepTimer = vertx.setPeriodic(settings.sweepMillis(), id -> sweep());
          sweep();
        }));
  }

  /**
   * Stops sweeping and retrying; completes once deliveries in flight have finished (at most one send
   * timeout later), so the caller can close the Mongo client safely afterwards. Whatever is still
   * undelivered stays in the outboxes, marked pending, for the next start or another instance.
   */
  public Future<Void> stop() {
    Promise<Void> stoppedPromise = Promise.promise();
    context.runOnContext(ignored -> {
      stopped = true;
      if (sweepTimer >= 0) {
        vertx.cancelTimer(sweepTimer);
      }
      retryTimers.values().forEach(vertx::cancelTimer);
      retryTimers.clear();
      queued.clear();
      idle = stoppedPromise;
      completeIfIdle();
    });
    return stoppedPromise.future()
        .timeout(settings.sendTimeoutMillis() + settings.storeTimeoutMillis(), TimeUnit.MILLISECONDS)
        .recover(slow -> Future.succeededFuture());
  }

  /** What this relay has done so far, readable from any thread. */
  public RelayCounters counters() {
    return counters;
  }

  /** Entries acknowledged by their group so far. */
  public long delivered() {
    return counters.delivered();
  }

  /** Deliveries that failed (no consumer, timeout, refusal) and were scheduled again. */
  public long failedAttempts() {
    return counters.failedAttempts();
  }

  public DeadLetters deadLetters() {
    return deadLetters;
  }

  /** Delivers the outbox of one document, reading it first. */
  public void kick(String documentId) {
    kick(documentId, null);
  }

  /**
   * Delivers the outbox of a document just written; {@code written} is the document as stored
   * (at least its {@link Outbox#projection()} fields), or null to read it.
   */
  public void kick(String documentId, JsonObject written) {
    context.runOnContext(ignored -> request(documentId, written));
  }

  /**
   * The reply of the consumer group {@code group} to the next {@code subject} entry of this
   * document that it acknowledges; for a caller whose answer depends on what the consumer did.
   * Ask before the write is kicked. Fails after {@code timeoutMillis}, which does not stop the
   * delivery (another instance may have made it, too).
   */
  public Future<JsonObject> acknowledgement(String documentId, Subject subject, ConsumerGroup group, long timeoutMillis) {
    Promise<JsonObject> reply = Promise.promise();
    String key = waiterKey(documentId, subject, group);
    context.runOnContext(ignored -> waiters.computeIfAbsent(key, any -> new ArrayList<>()).add(reply));
    return reply.future().timeout(timeoutMillis, TimeUnit.MILLISECONDS)
        .onFailure(slow -> context.runOnContext(ignored -> forget(key, reply)));
  }

  /** Entries waiting per group, the oldest one's age, and dead letters: for operators and metrics. */
  public Future<JsonObject> backlog() {
    return new Backlog(pending, deadLetters, collection).measure(System.currentTimeMillis());
  }

  /** Puts dead letters back into their outboxes (all of them when {@code ids} is empty); answers how many. */
  public Future<Integer> replay(List<String> ids) {
    Future<List<String>> chosen = ids.isEmpty()
        ? deadLetters.list(10_000).map(letters -> letters.stream().map(letter -> letter.getString("_id")).toList())
        : Future.succeededFuture(ids);
    return chosen.compose(list -> Future.all(list.stream().map(deadLetters::replay).toList()))
        .map(all -> (int) all.list().stream().filter(Boolean.TRUE::equals).count())
        .onSuccess(replayed -> log.info("replayed {} dead letter(s) of {}", replayed, collection));
  }

  private void request(String documentId, JsonObject written) {
    if (stopped) {
      return;
    }
    if (draining.contains(documentId)) {
      drainAgain.add(documentId); // the running drain reads the document again when it finishes
      return;
    }
    if (retryTimers.containsKey(documentId)) {
      return; // waiting out its backoff; the retry reads whatever is there by then
    }
    if (draining.size() >= settings.maxInFlight()) {
      queued.put(documentId, written);
      return;
    }
    draining.add(documentId);
    Future<JsonObject> document = written != null ? Future.succeededFuture(written) : store.read(documentId);
    document
        .compose(found -> found == null ? Future.succeededFuture(OutboxStore.Settled.DONE)
            : drain.run(documentId, found).compose(result -> store.settle(documentId, result)))
        .onComplete(settled -> finished(documentId, settled));
  }

  private void finished(String documentId, AsyncResult<OutboxStore.Settled> settled) {
    draining.remove(documentId);
    boolean again = drainAgain.remove(documentId);
    OutboxStore.Settled outcome = settled.succeeded() ? settled.result() : OutboxStore.Settled.FAILED;
    switch (outcome) {
      case DONE -> {
        failures.remove(documentId);
        if (again) {
          request(documentId, null);
        }
      }
      case NEW_ENTRIES -> {
        failures.remove(documentId);
        request(documentId, null);
      }
      case FAILED -> retryLater(documentId, settled.failed() ? settled.cause() : null);
    }
    completeIfIdle();
    pump();
  }

  /** Starts queued documents while there is room. */
  private void pump() {
    Iterator<Map.Entry<String, JsonObject>> next = queued.entrySet().iterator();
    while (!stopped && draining.size() < settings.maxInFlight() && next.hasNext()) {
      Map.Entry<String, JsonObject> waiting = next.next();
      next.remove();
      request(waiting.getKey(), waiting.getValue());
    }
  }

  private void sweep() {
    int room = settings.maxInFlight() - draining.size() - queued.size();
    if (sweeping || stopped || room <= 0) {
      return;
    }
    sweeping = true;
    long now = System.currentTimeMillis();
    // Ask for more than there is room for: documents this JVM is busy with may be among the due ones.
    pending.due(now - Math.min(SETTLE_MILLIS, 2 * settings.sweepMillis()), room + draining.size() + retryTimers.size())
        .timeout(settings.storeTimeoutMillis(), TimeUnit.MILLISECONDS)
        .onSuccess(due -> due.stream()
            .filter(document -> !draining.contains(document.id()) && !retryTimers.containsKey(document.id())
                && !queued.containsKey(document.id()))
            .limit(room)
            .forEach(document -> pending.claim(document, now + claimMillis()).onSuccess(claimed -> {
              if (claimed) {
                request(document.id(), null);
              }
            })))
        .onFailure(failure -> log.warn("outbox sweep of {} failed: {}", collection, failure.getMessage()))
        .onComplete(done -> sweeping = false);
  }

  /** Long enough to deliver to every group and settle, so a claimed document is not swept twice. */
  private long claimMillis() {
    return 2 * (settings.sendTimeoutMillis() + settings.storeTimeoutMillis());
  }

  /**
   * Tries the document again after its backoff. The due key moves to the same time, so neither our
   * sweep nor another instance's takes it earlier, nor does it hide documents that are due.
   */
  private void retryLater(String documentId, Throwable cause) {
    counters.failedAttempt();
    int attempt = failures.merge(documentId, 1, Integer::sum);
    long base = settings.backoff(attempt);
    long delay = Math.max(1, base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1)); // jitter spreads documents
    if (cause != null && (attempt == 1 || attempt % 20 == 0)) {
      log.info("outbox of {}/{} not settled (attempt {}): {}; retrying in {} ms",
          collection, documentId, attempt, cause.getMessage(), delay);
    }
    if (stopped || retryTimers.containsKey(documentId)) {
      return;
    }
    pending.postpone(documentId, System.currentTimeMillis() + delay)
        .onFailure(failure -> log.debug("due key of {}/{} not moved: {}", collection, documentId, failure.getMessage()));
    retryTimers.put(documentId, vertx.setTimer(delay, id -> {
      retryTimers.remove(documentId);
      request(documentId, null);
    }));
  }

  private int countRefusal(String entryId) {
    return refusals.merge(entryId, 1, Integer::sum);
  }

  private Future<Boolean> setAsideIfHopeless(OutboxEntry entry, int refused, ReplyException refusal) {
    if (refused == 1 || refused % 5 == 0) {
      log.warn("{} entry {} refused by group {} ({} time(s)): {} {}", collection, entry.id(), entry.group().wireName(),
          refused, refusal.failureCode(), refusal.getMessage());
    }
    if (refused < settings.deadLetterAfter()) {
      return Future.succeededFuture(false);
    }
    return deadLetters.add(entry, refused, refusal.failureCode() + " " + refusal.getMessage())
        .map(added -> {
          refusals.remove(entry.id());
          counters.setAside(entry.group());
          log.error("{} entry {} ({} for group {}) set aside as a dead letter after {} refusals",
              collection, entry.id(), entry.subject().wireName(), entry.group().wireName(), refused);
          release(entry).forEach(waiter -> waiter.tryFail("the consumer refused the event"));
          return true;
        });
  }

  private void acknowledged(OutboxEntry entry, JsonObject reply) {
    counters.delivered(entry.group(), System.currentTimeMillis() - entry.at());
    refusals.remove(entry.id());
    release(entry).forEach(waiter -> waiter.tryComplete(reply));
  }

  private List<Promise<JsonObject>> release(OutboxEntry entry) {
    List<Promise<JsonObject>> waiting = waiters.remove(waiterKey(entry.documentId(), entry.subject(), entry.group()));
    return waiting == null ? List.of() : waiting;
  }

  private void forget(String key, Promise<JsonObject> reply) {
    List<Promise<JsonObject>> waiting = waiters.get(key);
    if (waiting != null && waiting.remove(reply) && waiting.isEmpty()) {
      waiters.remove(key);
    }
  }

  private void completeIfIdle() {
    if (stopped && idle != null && draining.isEmpty()) {
      idle.tryComplete();
    }
  }

  private static String waiterKey(String documentId, Subject subject, ConsumerGroup group) {
    return documentId + "|" + subject.wireName() + "|" + group.wireName();
  }
}
