package dev.ticketing.contracts.commands;

import io.vertx.core.json.JsonObject;

/** Body of {@link Command#UPDATE_TICKET}: the ticket's id (from the path) and its new title and price, as in {@link TicketInput}. */
public record TicketEdit(String id, String title, String price) implements CommandBody {

  @Override
  public JsonObject toJson() {
    return new JsonObject().put("id", id).put("title", title).put("price", price);
  }

  public static TicketEdit fromJson(JsonObject json) {
    return new TicketEdit(Fields.text(json, "id"), Fields.text(json, "title"), Fields.decimal(json, "price"));
  }
}
