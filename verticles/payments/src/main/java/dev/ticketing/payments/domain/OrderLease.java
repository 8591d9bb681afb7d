package dev.ticketing.payments.domain;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * The orders service's yes to "may this buyer pay this order now": the order as it knows it, and
 * until when expiry waits for this payment.
 *
 * @param price in minor units: what we charge
 */
public record OrderLease(String orderId, String userId, long price, Instant expiresAt, long version, Instant leaseUntil) {

  public static OrderLease fromJson(JsonObject json) {
    return new OrderLease(json.getString("orderId"), json.getString("userId"), json.getLong("price"),
        Instant.parse(json.getString("expiresAt")), json.getLong("version"), Instant.parse(json.getString("leaseUntil")));
  }
}
