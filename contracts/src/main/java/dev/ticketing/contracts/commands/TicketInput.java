package dev.ticketing.contracts.commands;

import io.vertx.core.json.JsonObject;

/**
 * Body of {@link Command#CREATE_TICKET}: the seller's title and price as sent. The price is in
 * major units as decimal text ("20.5"; a JSON number arrives as its text), so no rounding happens
 * on the way; the tickets service checks both and converts the price to minor units.
 */
public record TicketInput(String title, String price) implements CommandBody {

  @Override
  public JsonObject toJson() {
    return new JsonObject().put("title", title).put("price", price);
  }

  public static TicketInput fromJson(JsonObject json) {
    return new TicketInput(Fields.text(json, "title"), Fields.decimal(json, "price"));
  }
}
