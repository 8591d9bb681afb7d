package dev.ticketing.stripesandbox.webhooks;

/**
 * An event waiting to be delivered.
 *
 * @param orderingKey events with the same key (the payment intent) are delivered one after another
 * @param body        the exact JSON sent on every attempt (only the signature is renewed)
 * @param onDelivered runs once the receiver answered 2xx
 */
record PendingWebhook(String eventId, String type, String orderingKey, String body, Runnable onDelivered) {
}
