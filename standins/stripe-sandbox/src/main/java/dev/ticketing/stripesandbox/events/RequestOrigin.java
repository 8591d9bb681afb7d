package dev.ticketing.stripesandbox.events;

/**
 * The API request that caused an event, as Stripe reports it in the event's {@code request} field,
 * so a webhook receiver can tie the event to the call it made.
 *
 * @param requestId      the {@code req_…} the API answered with
 * @param idempotencyKey the request's {@code Idempotency-Key}, or null
 */
public record RequestOrigin(String requestId, String idempotencyKey) {
}
