package dev.ticketing.expiration.domain;

/** An order whose hold has run out: it is due for cancellation since {@code dueAtMillis} (epoch ms). */
public record DueOrder(String orderId, long dueAtMillis) {
}
