package dev.ticketing.contracts.commands;

import io.vertx.core.json.JsonObject;

/** Body of {@link Command#CREATE_ORDER}: the ticket the signed-in buyer wants to hold. */
public record NewOrder(String ticketId) implements CommandBody {

  @Override
  public JsonObject toJson() {
    return new JsonObject().put("ticketId", ticketId);
  }

  public static NewOrder fromJson(JsonObject json) {
    return new NewOrder(Fields.text(json, "ticketId"));
  }
}
