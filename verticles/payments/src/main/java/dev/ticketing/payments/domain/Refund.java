package dev.ticketing.payments.domain;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** A refund of an order's payment; {@code id} is Stripe's refund id (re_...). */
public record Refund(String id, Instant createdAt) {

  public JsonObject toDocument() {
    return new JsonObject().put("id", id).put("createdAt", createdAt.toString());
  }

  public static Refund fromDocument(JsonObject json) {
    return json == null ? null : new Refund(json.getString("id"), Instant.parse(json.getString("createdAt")));
  }
}
