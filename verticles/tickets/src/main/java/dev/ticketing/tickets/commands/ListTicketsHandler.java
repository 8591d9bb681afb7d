package dev.ticketing.tickets.commands;

import dev.ticketing.contracts.commands.EncodedReply;
import dev.ticketing.contracts.commands.TicketQuery;
import dev.ticketing.platform.commands.CommandHandler;
import dev.ticketing.platform.commands.CommandRequest;
import dev.ticketing.tickets.catalog.TicketView;
import dev.ticketing.tickets.domain.ListingQuery;
import dev.ticketing.tickets.domain.PageCursor;
import dev.ticketing.tickets.store.TicketStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import java.util.List;

/**
 * A page of the listing, newest first: the tickets as a JSON array, and the next page's cursor in
 * a reply header when there is one. By default the tickets anyone can order; with {@code mine} the
 * caller's own, reserved and sold ones included. The page everyone opens first (no filter, no
 * cursor) is encoded once per change of the catalog and sent as those bytes until the next change.
 */
public final class ListTicketsHandler implements CommandHandler {

  private final TicketStore tickets;
  private long firstPageVersion = -1;
  private EncodedReply firstPage;

  public ListTicketsHandler(TicketStore tickets) {
    this.tickets = tickets;
  }

  @Override
  public Future<?> handle(CommandRequest request) {
    TicketQuery asked = TicketQuery.fromJson(request.body());
    ListingQuery query = ListingQuery.parse(asked.q(), asked.minPrice(), asked.maxPrice(), asked.limit(), asked.cursor(),
        asked.mine());
    if (query.isFirstPage()) {
      return Future.succeededFuture(firstPage(query));
    }
    String sellerId = query.mine() ? request.requireUser() : null;
    return Future.succeededFuture(page(tickets.list(query, sellerId), query.limit()));
  }

  /** Called on the verticle's event loop only, so the kept page needs no lock. */
  private EncodedReply firstPage(ListingQuery query) {
    long version = tickets.catalogVersion();
    if (version != firstPageVersion) {
      firstPage = page(tickets.list(query, null), query.limit());
      firstPageVersion = version;
    }
    return firstPage;
  }

  /** The store returns up to limit + 1 tickets: the extra one only says that another page exists. */
  private static EncodedReply page(List<TicketView> found, int limit) {
    List<TicketView> shown = found.subList(0, Math.min(limit, found.size()));
    JsonArray items = new JsonArray();
    shown.forEach(ticket -> items.add(ticket.toJson()));
    String next = found.size() > limit ? PageCursor.after(shown.get(shown.size() - 1).id()) : null;
    return EncodedReply.page(items, next);
  }
}
