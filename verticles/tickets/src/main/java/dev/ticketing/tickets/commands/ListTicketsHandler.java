package dev.ticketing.tickets.commands;

import dev.ticketing.platform.commands.CommandHandler;
import dev.ticketing.platform.commands.CommandRequest;
import dev.ticketing.tickets.catalog.TicketView;
import dev.ticketing.tickets.domain.ListingQuery;
import dev.ticketing.tickets.domain.PageCursor;

import dev.ticketing.tickets.store.TicketStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A page of the listing, newest first: {@code {"items": [...], "next": cursor | null}}. By default
 * the tickets anyone can order; with {@code mine} the caller's own, reserved and sold ones included.
 */
public final class ListTicketsHandler implements CommandHandler {

  private final TicketStore tickets;

  public ListTicketsHandler(TicketStore tickets) {
    this.tickets = tickets;
  }

  @Override
  public Future<?> handle(CommandRequest request) {
    JsonObject body = request.body();
    ListingQuery query = ListingQuery.parse(body.getValue("q"), body.getValue("minPrice"), body.getValue("maxPrice"),
        body.getValue("limit"), body.getValue("cursor"), body.getValue("mine"));
    String sellerId = query.mine() ? request.requireUser() : null;
    return Future.succeededFuture(page(tickets.list(query, sellerId), query.limit()));
  }

  /** The store returns up to limit + 1 tickets: the extra one only says that another page exists. */
  private static JsonObject page(List<TicketView> found, int limit) {
    List<TicketView> shown = found.subList(0, Math.min(limit, found.size()));
    JsonArray items = new JsonArray();
    shown.forEach(ticket -> items.add(ticket.toJson()));
    String next = found.size() > limit ? PageCursor.after(shown.get(shown.size() - 1).id()) : null;
    return new JsonObject().put("items", items).put("next", next);
  }
}
