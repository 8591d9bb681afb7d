package dev.ticketing.platform.delivery;

import dev.ticketing.contracts.events.Subject;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * One pass over one document's outbox: each group's entries go out in order, one at a time, and
 * a group stops at its first entry that is not acknowledged (its later entries must not overtake
 * it). Groups proceed independently, and the pass ends when every group has finished, so a retry
 * never re-sends an entry whose acknowledgement is still on its way. An entry refused by its
 * consumer too many times is set aside as a dead letter and its group carries on.
 */
final class DocumentDrain {

  /** What the pass achieved: the entries to remove from the outbox and whether any group stopped early. */
  record Result(long sequence, List<String> done, Throwable firstFailure, int total) {

    boolean complete() {
      return firstFailure == null;
    }
  }

  /** Decides whether an entry refused {@code refusals} times is set aside now. */
  interface DeadLetterPolicy {
    Future<Boolean> setAsideIfHopeless(OutboxEntry entry, int refusals, ReplyException refusal);
  }

  private final Vertx vertx;
  private final RelaySettings settings;
  private final Function<String, Integer> countRefusal;
  private final DeadLetterPolicy deadLetters;
  private final BiConsumer<OutboxEntry, JsonObject> acknowledged;

  DocumentDrain(Vertx vertx, RelaySettings settings, Function<String, Integer> countRefusal,
                DeadLetterPolicy deadLetters, BiConsumer<OutboxEntry, JsonObject> acknowledged) {
    this.vertx = vertx;
    this.settings = settings;
    this.countRefusal = countRefusal;
    this.deadLetters = deadLetters;
    this.acknowledged = acknowledged;
  }

  Future<Result> run(String documentId, JsonObject document) {
    JsonArray stored = document.getJsonArray(Outbox.FIELD, new JsonArray());
    long sequence = document.getLong(Outbox.SEQUENCE, 0L);
    Map<String, List<OutboxEntry>> byGroup = new LinkedHashMap<>();
    for (Object json : stored) {
      OutboxEntry entry = OutboxEntry.from(documentId, (JsonObject) json);
      byGroup.computeIfAbsent(entry.group().wireName(), group -> new ArrayList<>()).add(entry);
    }
    List<String> done = new ArrayList<>();
    List<Future<Void>> groups = byGroup.values().stream().map(entries -> inOrder(entries, 0, done)).toList();
    return Future.join(groups).transform(all -> {
      Throwable failure = groups.stream().filter(Future::failed).map(Future::cause).findFirst().orElse(null);
      return Future.succeededFuture(new Result(sequence, done, failure, stored.size()));
    });
  }

  private Future<Void> inOrder(List<OutboxEntry> entries, int index, List<String> done) {
    if (index == entries.size()) {
      return Future.succeededFuture();
    }
    OutboxEntry entry = entries.get(index);
    return deliver(entry)
        .recover(failure -> setAsideIfRefusedTooOften(entry, failure))
        .compose(finished -> {
          done.add(entry.id());
          return inOrder(entries, index + 1, done);
        });
  }

  private Future<Void> deliver(OutboxEntry entry) {
    DeliveryOptions options = new DeliveryOptions()
        .setSendTimeout(settings.sendTimeoutMillis())
        .addHeader(Subject.HEADER_EVENT_ID, entry.eventId())
        .addHeader(Subject.HEADER_SUBJECT, entry.subject().wireName())
        .addHeader(Subject.HEADER_SCHEMA, String.valueOf(entry.subject().schemaVersion()));
    if (entry.requestId() != null) {
      options.addHeader(Subject.HEADER_REQUEST_ID, entry.requestId());
    }
    return vertx.eventBus().<JsonObject>request(entry.subject().address(entry.group()), entry.payload(), options)
        .onSuccess(reply -> acknowledged.accept(entry, reply.body() instanceof JsonObject body ? body : new JsonObject()))
        .mapEmpty();
  }

  /**
   * Nobody listening or no answer in time says nothing about the entry, and "out of order" says it
   * will apply once its predecessor has (which may take a while), and "my store is unavailable" says
   * the consumer's database is restarting: those are retried for ever. Any
   * other refusal counts, and enough of them make the entry a dead letter.
   */
  private Future<Void> setAsideIfRefusedTooOften(OutboxEntry entry, Throwable failure) {
    if (!(failure instanceof ReplyException reply) || reply.failureType() != ReplyFailure.RECIPIENT_FAILURE
        || reply.failureCode() == EventListener.OUT_OF_ORDER || reply.failureCode() == EventListener.UNAVAILABLE) {
      return Future.failedFuture(failure);
    }
    int refusals = countRefusal.apply(entry.id());
    return deadLetters.setAsideIfHopeless(entry, refusals, reply)
        .compose(setAside -> setAside ? Future.succeededFuture() : Future.<Void>failedFuture(failure));
  }
}
