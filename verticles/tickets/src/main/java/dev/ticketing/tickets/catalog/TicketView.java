package dev.ticketing.tickets.catalog;

import dev.ticketing.contracts.money.Money;
import io.vertx.core.json.JsonObject;

/**
 * A ticket as anyone sees it: what {@code GET /api/tickets/:id} shows and the listing filters on.
 * The catalog holds these; the bookkeeping that only writes need (order marks, edit version) stays
 * in the database. Its JSON is the tickets service's one API mapping, read back by other instances
 * from the live feed, so both directions live here, like an event record's (the database shape is
 * {@code store/TicketDocuments}).
 */
public record TicketView(String id, String title, long price, String userId, long version, String orderId, boolean sold) {

  /** Free to order: in the public listing. */
  public boolean available() {
    return orderId == null && !sold;
  }

  /** The API shape: the price in major units, {@code orderId} present and null when free. */
  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("title", title)
        .put("price", Money.toMajor(price))
        .put("userId", userId)
        .put("version", version)
        .put("orderId", orderId)
        .put("sold", sold);
  }

  /** Reads the API shape back (the live feed carries it). */
  public static TicketView fromJson(JsonObject json) {
    return new TicketView(json.getString("id"), json.getString("title"), Money.toMinor(Money.parseMajor(json.getValue("price"))),
        json.getString("userId"), json.getLong("version"), json.getString("orderId"), json.getBoolean("sold", false));
  }
}
