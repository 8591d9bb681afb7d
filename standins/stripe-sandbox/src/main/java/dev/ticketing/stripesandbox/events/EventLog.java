package dev.ticketing.stripesandbox.events;

import dev.ticketing.stripesandbox.StripeIds;
import dev.ticketing.stripesandbox.listing.CreationOrder;
import dev.ticketing.stripesandbox.listing.ListPage;
import dev.ticketing.stripesandbox.listing.ListRequest;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every event the sandbox has emitted, kept for {@code GET /v1/events} (whether or not a webhook
 * endpoint is configured, as at Stripe) and handed to the webhook outbox as it is recorded.
 *
 * <p>In memory, confined to the sandbox verticle's event loop like every store here; it grows with
 * the intents and refunds it describes and is forgotten on restart.
 */
public final class EventLog {

  private static final Logger log = LoggerFactory.getLogger(EventLog.class);

  private final Clock clock;
  private final WebhookOutbox outbox;
  private final CreationOrder<Event> events = new CreationOrder<>(Event::id, Event::created);
  private final Set<String> delivered = new HashSet<>();

  public EventLog(Clock clock, WebhookOutbox outbox) {
    this.clock = clock;
    this.outbox = outbox;
  }

  /**
   * Records that {@code type} happened to {@code object} (rendered as the API renders it) and queues
   * its webhook. Call it once the change is stored, with the state the API is about to answer with.
   */
  public Event record(EventType type, JsonObject object, String paymentIntentId, RequestOrigin origin) {
    Event event = new Event(StripeIds.next("evt"), type, clock.instant().getEpochSecond(), object, origin,
        paymentIntentId);
    events.save(event);
    log.debug("Event {} {} for {}", event.id(), type.wire(), paymentIntentId);
    outbox.post(event, () -> delivered.add(event.id()));
    return event;
  }

  public Optional<Event> find(String id) {
    return events.find(id);
  }

  public ListPage<Event> page(ListRequest request, Predicate<Event> filter) {
    return events.page(request, filter, "event");
  }

  /** Stripe's pending_webhooks: the endpoints that have not answered 2xx yet. */
  public int pendingWebhooks(Event event) {
    return delivered.contains(event.id()) ? 0 : outbox.endpoints();
  }

  public JsonObject render(Event event) {
    return EventJson.render(event, pendingWebhooks(event));
  }
}
