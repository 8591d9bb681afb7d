package dev.ticketing.contracts.commands;

import io.vertx.core.json.JsonObject;

/** Body of {@link Command#CREATE_PAYMENT}: the order to pay and the card token the browser got from Stripe. */
public record NewPayment(String orderId, String token) implements CommandBody {

  @Override
  public JsonObject toJson() {
    return new JsonObject().put("orderId", orderId).put("token", token);
  }

  public static NewPayment fromJson(JsonObject json) {
    return new NewPayment(Fields.text(json, "orderId"), Fields.text(json, "token"));
  }
}
