package dev.ticketing.payments.store;

import dev.ticketing.contracts.events.OrderCreated;
import dev.ticketing.payments.domain.Payment;
import dev.ticketing.payments.domain.PaymentOrder;
import dev.ticketing.payments.domain.Refund;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** The stored shape of {@link PaymentOrder}: {_id, version, status, userId, price, expiresAt, declines, payment?, refund?, outbox}. */
final class OrderDocuments {

  private OrderDocuments() {
  }

  /** The replica's state on creation; _id and version come from the event. */
  static JsonObject created(OrderCreated event) {
    return new JsonObject()
        .put("status", event.status())
        .put("userId", event.userId())
        .put("price", event.ticketPrice())
        .put("expiresAt", event.expiresAt().toString())
        .put("declines", 0);
  }

  static PaymentOrder read(JsonObject document) {
    if (document == null) {
      return null;
    }
    return new PaymentOrder(
        document.getString("_id"),
        document.getLong("version"),
        document.getString("status"),
        document.getString("userId"),
        document.getLong("price"),
        Instant.parse(document.getString("expiresAt")),
        document.getInteger("declines", 0),
        Payment.fromDocument(document.getJsonObject("payment")),
        Refund.fromDocument(document.getJsonObject("refund")));
  }
}
