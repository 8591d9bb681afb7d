package dev.ticketing.payments.domain;

import java.time.Instant;

/** A refund of an order's payment; {@code id} is Stripe's refund id (re_...). */
public record Refund(String id, Instant createdAt) {
}
