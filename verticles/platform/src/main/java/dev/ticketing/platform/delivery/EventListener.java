package dev.ticketing.platform.delivery;

import dev.ticketing.contracts.events.ConsumerGroup;
import dev.ticketing.contracts.events.EventPayload;
import dev.ticketing.contracts.events.Subject;
import dev.ticketing.platform.cluster.Subscriptions;
import dev.ticketing.platform.commands.Unavailable;
import dev.ticketing.platform.logging.RequestIds;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Base of every event consumer. It receives one subject for one consumer group, decodes the
 * payload and acknowledges only after {@link #apply} has finished its (durable) write. Duplicates
 * are acknowledged too, so the producer stops sending them; an {@link OutOfOrder} event or any
 * failure is refused, so the producer's relay sends it again later. Subclasses must be idempotent:
 * the same event can arrive any number of times.
 */
public abstract class EventListener<P extends EventPayload> {

  /** Failure code for an event whose predecessor has not been applied yet. */
  public static final int OUT_OF_ORDER = 409;
  /** Failure code for an event we could not decode: it is kept and retried, never dropped. */
  public static final int MALFORMED = 422;
  /** Failure code for an event whose application failed for another reason than those above and below. */
  public static final int NOT_APPLIED = 500;
  /**
   * Failure code for an event we could not apply because our own store could not be reached: it says
   * nothing about the event, so the producer retries it for ever instead of counting it towards a
   * dead letter (a database restarting must not set events aside).
   */
  public static final int UNAVAILABLE = 503;

  private final Logger log = LoggerFactory.getLogger(getClass());
  private final Subject subject;
  private final ConsumerGroup group;

  protected EventListener(Subject subject, ConsumerGroup group) {
    this.subject = subject;
    this.group = group;
  }

  /** Applies the event, or recognises it as a duplicate; fails with {@link OutOfOrder} for a gap. */
  protected abstract Future<Outcome> apply(P event);

  /** Starts consuming; the future completes when the consumer is registered across the cluster. */
  public final Future<Void> register(Vertx vertx) {
    return Subscriptions.of(vertx).<JsonObject>consumer(subject.address(group), this::receive).completion();
  }

  @SuppressWarnings("unchecked")
  private void receive(Message<JsonObject> message) {
    // Each message runs on a context of its own: the id of the request behind the event goes on every log line about it.
    RequestIds.bind(message.headers().get(Subject.HEADER_REQUEST_ID));
    String eventId = message.headers().get(Subject.HEADER_EVENT_ID) == null ? "(no id)" : message.headers().get(Subject.HEADER_EVENT_ID);
    P event;
    try {
      event = (P) subject.decode(message.body());
    } catch (RuntimeException malformed) {
      log.error("{} event {} cannot be decoded and stays undelivered: {}", subject.wireName(), eventId, malformed.getMessage());
      message.fail(MALFORMED, "malformed event");
      return;
    }
    Future<Outcome> applied;
    try {
      applied = apply(event);
    } catch (RuntimeException thrown) {
      applied = Future.failedFuture(thrown);
    }
    applied.onComplete(result -> {
      if (result.succeeded()) {
        log.debug("{} event {} {}", subject.wireName(), eventId, result.result());
        message.reply(new JsonObject().put("outcome", result.result().name()));
      } else if (result.cause() instanceof OutOfOrder gap) {
        log.debug("{} event {} out of order, refused: {}", subject.wireName(), eventId, gap.getMessage());
        message.fail(OUT_OF_ORDER, gap.getMessage());
      } else if (Unavailable.is(result.cause())) {
        log.warn("{} event {} not applied, our store is unavailable ({}); it will be retried", subject.wireName(), eventId,
            result.cause().toString());
        message.fail(UNAVAILABLE, "store unavailable");
      } else {
        log.warn("{} event {} not applied, it will be retried", subject.wireName(), eventId, result.cause());
        message.fail(NOT_APPLIED, "not applied");
      }
    });
  }
}
