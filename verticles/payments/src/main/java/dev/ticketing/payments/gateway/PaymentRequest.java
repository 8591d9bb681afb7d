package dev.ticketing.payments.gateway;

import dev.ticketing.payments.domain.CardToken;

/**
 * One charge to make.
 *
 * @param amount         minor units, from our replica of the order
 * @param currency       ISO code, lower case
 * @param idempotencyKey repeats of this key are the same charge
 */
public record PaymentRequest(String orderId, long amount, String currency, CardToken token, String idempotencyKey) {
}
