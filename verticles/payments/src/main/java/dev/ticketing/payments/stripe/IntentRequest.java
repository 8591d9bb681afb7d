package dev.ticketing.payments.stripe;

/**
 * The one PaymentIntent of an order, created before any money moves.
 *
 * @param amount         minor units, as the orders service priced the order
 * @param currency       ISO code, lower case
 * @param idempotencyKey repeats of this key return the same intent
 */
public record IntentRequest(String orderId, long amount, String currency, String idempotencyKey) {
}
