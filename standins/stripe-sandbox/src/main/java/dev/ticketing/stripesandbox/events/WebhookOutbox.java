package dev.ticketing.stripesandbox.events;

/**
 * Where recorded events go to be sent as webhooks. The event log only hands them over; delivery
 * (signing, retries, order) is the outbox's business and never holds up the API answer.
 */
public interface WebhookOutbox {

  /** No webhook endpoint configured: events are only kept for {@code GET /v1/events}. */
  WebhookOutbox NONE = new WebhookOutbox() {
    @Override
    public int endpoints() {
      return 0;
    }

    @Override
    public void post(Event event, Runnable onDelivered) {
    }
  };

  /** How many endpoints each event is sent to: Stripe's pending_webhooks counts down from it. */
  int endpoints();

  /** Queues {@code event}; {@code onDelivered} runs, on the sandbox's event loop, once an endpoint said 2xx. */
  void post(Event event, Runnable onDelivered);
}
