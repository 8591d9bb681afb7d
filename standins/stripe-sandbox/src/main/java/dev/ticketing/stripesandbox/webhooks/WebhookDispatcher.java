package dev.ticketing.stripesandbox.webhooks;

import dev.ticketing.stripesandbox.events.Event;
import dev.ticketing.stripesandbox.events.EventJson;
import dev.ticketing.stripesandbox.events.WebhookOutbox;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers events to the configured endpoint as Stripe does: asynchronously (the API answer never
 * waits for a webhook), signed, retried with backoff until a 2xx or the {@link DeliveryPolicy}'s
 * limits, and one at a time per payment intent so its events arrive in the order they happened.
 * Memory stays bounded: beyond {@code maxUndelivered} waiting events the oldest is dropped.
 *
 * <p>Created on, and only ever used from, the sandbox verticle's event loop: no locks.
 */
public final class WebhookDispatcher implements WebhookOutbox {

  private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

  private final Vertx vertx;
  private final Context context;
  private final WebhookEndpoint endpoint;
  private final DeliveryPolicy policy;
  private final WebhookSender sender;
  private final Map<String, DeliveryLine> lines = new HashMap<>();
  /** Every event not yet delivered, given up or dropped, oldest first: what the cap counts. */
  private final LinkedHashMap<String, PendingWebhook> undelivered = new LinkedHashMap<>();
  private boolean closed;

  public WebhookDispatcher(Vertx vertx, WebhookEndpoint endpoint, DeliveryPolicy policy) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.endpoint = endpoint;
    this.policy = policy;
    this.sender = new WebhookSender(vertx, endpoint, policy.attemptTimeout());
  }

  @Override
  public int endpoints() {
    return 1;
  }

  @Override
  public void post(Event event, Runnable onDelivered) {
    // Stripe sends indented JSON; a receiver must verify the raw bytes, never a re-serialization.
    String body = EventJson.render(event, endpoints()).encodePrettily();
    PendingWebhook pending = new PendingWebhook(event.id(), event.type().wire(), event.paymentIntentId(), body,
        onDelivered);
    undelivered.put(pending.eventId(), pending);
    DeliveryLine line = lines.computeIfAbsent(pending.orderingKey(), DeliveryLine::new);
    line.queue.add(pending);
    dropOldestBeyondCap();
    // Not from inside the API handler: the first attempt starts once the answer has been produced.
    context.runOnContext(v -> pump(line));
  }

  /** Stops delivering; what is still waiting is lost, as everything else in the sandbox is on a stop. */
  public void close() {
    closed = true;
    lines.values().stream().filter(line -> line.retryTimer >= 0).forEach(line -> vertx.cancelTimer(line.retryTimer));
    if (!undelivered.isEmpty()) {
      log.warn("Stopping with {} webhook(s) undelivered to {}", undelivered.size(), endpoint.url());
    }
    sender.close();
  }

  private void pump(DeliveryLine line) {
    if (closed || line.busy()) {
      return;
    }
    PendingWebhook head = line.queue.peek();
    if (head == null) {
      lines.remove(line.key, line);
      return;
    }
    attempt(line, head);
  }

  private void attempt(DeliveryLine line, PendingWebhook head) {
    if (line.attempts == 0) {
      line.firstAttemptNanos = System.nanoTime();
    }
    line.attempts++;
    line.sending = true;
    sender.send(head.body()).onComplete(outcome -> answered(line, head, outcome));
  }

  private void answered(DeliveryLine line, PendingWebhook head, AsyncResult<Integer> outcome) {
    line.sending = false;
    boolean accepted = outcome.succeeded() && outcome.result() / 100 == 2;
    if (line.queue.peek() != head) { // dropped by the cap while on its way: it may have made it, then move on
      if (accepted) {
        head.onDelivered().run();
      }
      line.nextHead();
      pump(line);
      return;
    }
    if (accepted) {
      log.info("Webhook {} {} delivered to {} (HTTP {}, attempt {})", head.eventId(), head.type(), endpoint.url(),
          outcome.result(), line.attempts);
      head.onDelivered().run();
      finish(line, head);
      return;
    }
    retryOrGiveUp(line, head, outcome.succeeded() ? "HTTP " + outcome.result() : outcome.cause().toString());
  }

  private void retryOrGiveUp(DeliveryLine line, PendingWebhook head, String failure) {
    if (closed) {
      return;
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - line.firstAttemptNanos);
    if (policy.exhausted(line.attempts, elapsed)) {
      log.error("Gave up on webhook {} {} to {} after {} attempts in {} s (last: {})", head.eventId(), head.type(),
          endpoint.url(), line.attempts, elapsed.toSeconds(), failure);
      finish(line, head);
      return;
    }
    Duration delay = policy.delayAfter(line.attempts);
    if (line.attempts == 1) {
      log.warn("Webhook {} {} to {} failed ({}); retrying in {} ms, then with a growing delay", head.eventId(),
          head.type(), endpoint.url(), failure, delay.toMillis());
    } else {
      log.debug("Webhook {} attempt {} failed ({}); next in {} ms", head.eventId(), line.attempts, failure,
          delay.toMillis());
    }
    line.retryTimer = vertx.setTimer(delay.toMillis(), timer -> {
      line.retryTimer = -1;
      attempt(line, head);
    });
  }

  private void finish(DeliveryLine line, PendingWebhook head) {
    line.queue.poll();
    undelivered.remove(head.eventId());
    line.nextHead();
    pump(line);
  }

  private void dropOldestBeyondCap() {
    while (undelivered.size() > policy.maxUndelivered()) {
      PendingWebhook oldest = undelivered.pollFirstEntry().getValue();
      // Lines are oldest-first too, so the oldest waiting event is always the head of its line.
      DeliveryLine line = lines.get(oldest.orderingKey());
      line.queue.poll();
      log.warn("Dropped webhook {} {} undelivered: more than {} events are waiting for {}", oldest.eventId(),
          oldest.type(), policy.maxUndelivered(), endpoint.url());
      if (line.sending) {
        continue; // its answer, when it comes, moves the line on
      }
      if (line.retryTimer >= 0) {
        vertx.cancelTimer(line.retryTimer);
        line.retryTimer = -1;
      }
      line.nextHead();
      context.runOnContext(v -> pump(line));
    }
  }
}
