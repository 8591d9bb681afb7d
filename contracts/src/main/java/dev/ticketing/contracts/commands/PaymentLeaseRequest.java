package dev.ticketing.contracts.commands;

import io.vertx.core.json.JsonObject;

/** Body of {@link Command#LEASE_PAYMENT}, sent by payments (not the gateway) for the buyer in the identity headers. */
public record PaymentLeaseRequest(String orderId) implements CommandBody {

  @Override
  public JsonObject toJson() {
    return new JsonObject().put("orderId", orderId);
  }

  public static PaymentLeaseRequest fromJson(JsonObject json) {
    return new PaymentLeaseRequest(Fields.text(json, "orderId"));
  }
}
