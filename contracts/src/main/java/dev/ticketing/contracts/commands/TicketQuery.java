package dev.ticketing.contracts.commands;

import io.vertx.core.json.JsonObject;

/**
 * Body of {@link Command#LIST_TICKETS}: the listing's filters, each optional. Price bounds are in
 * major units as decimal text, like {@link TicketInput#price()}; {@code cursor} is the opaque text
 * of a previous page's next link; {@code mine} asks for the signed-in user's own tickets.
 */
public record TicketQuery(String q, String minPrice, String maxPrice, Long limit, String cursor, Boolean mine)
    implements CommandBody {

  @Override
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    Fields.putPresent(json, "q", q);
    Fields.putPresent(json, "minPrice", minPrice);
    Fields.putPresent(json, "maxPrice", maxPrice);
    Fields.putPresent(json, "limit", limit);
    Fields.putPresent(json, "cursor", cursor);
    return Fields.putPresent(json, "mine", mine);
  }

  public static TicketQuery fromJson(JsonObject json) {
    return new TicketQuery(Fields.text(json, "q"), Fields.decimal(json, "minPrice"), Fields.decimal(json, "maxPrice"),
        Fields.integer(json, "limit"), Fields.text(json, "cursor"), Fields.flag(json, "mine"));
  }
}
