package dev.ticketing.tickets.catalog;

import dev.ticketing.tickets.domain.ListingQuery;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every ticket as anyone sees it, in memory: what {@code GET /api/tickets/:id} and the listing are
 * served from. The database stays the truth and every write goes there; the catalog follows it by
 * version (a view replaces the one held only when its version is newer), fed by this instance's own
 * writes, the other instances' live changes and, where those may have been missed, by reading what
 * changed from the database ({@link CatalogSync}).
 *
 * <p>Why in memory: the Mongo stand-in serves a query from an index only for equality on a unique
 * key, so the listing ("free tickets, newest first") read the whole collection at every request,
 * and got slower as tickets accumulated. Here a page costs what it shows: the ids are kept sorted
 * (they grow with creation time, so descending is newest first), free ones and each seller's apart.
 * It costs memory in proportion to the tickets stored (a few hundred bytes each).
 */
public final class TicketCatalog {

  private final Map<String, TicketView> byId = new ConcurrentHashMap<>();
  private final NavigableSet<String> available = new ConcurrentSkipListSet<>();
  private final Map<String, NavigableSet<String>> bySeller = new ConcurrentHashMap<>();
  private final AtomicLong version = new AtomicLong();

  /**
   * Takes {@code view} if it is newer than the one held (or the first one); false when it is not.
   * The indexes change under the same per-ticket lock as the view, so two views of one ticket
   * arriving together leave them agreeing with whichever won.
   */
  public boolean apply(TicketView view) {
    boolean[] taken = {false};
    byId.compute(view.id(), (id, held) -> {
      if (held != null && held.version() >= view.version()) {
        return held;
      }
      if (view.available()) {
        available.add(id);
      } else {
        available.remove(id);
      }
      bySeller.computeIfAbsent(view.userId(), seller -> new ConcurrentSkipListSet<>()).add(id);
      version.incrementAndGet();
      taken[0] = true;
      return view;
    });
    return taken[0];
  }

  /** A number that grows with every view taken: a page computed at one value is current until it changes. */
  public long version() {
    return version.get();
  }

  /** The ticket, or null when the catalog has not heard of it. */
  public TicketView find(String id) {
    return id == null ? null : byId.get(id);
  }

  /** The version held of a ticket, or -1 when none. */
  public long versionOf(String id) {
    TicketView held = byId.get(id);
    return held == null ? -1 : held.version();
  }

  public int size() {
    return byId.size();
  }

  /**
   * One page plus one ticket more (so the caller can tell whether a next page exists), newest
   * first: the free tickets, or with {@code query.mine()} every ticket of {@code sellerId}.
   */
  public List<TicketView> page(ListingQuery query, String sellerId) {
    NavigableSet<String> ids = query.mine() ? bySeller.getOrDefault(sellerId, new ConcurrentSkipListSet<>()) : available;
    NavigableSet<String> older = query.afterId() == null ? ids : ids.headSet(query.afterId(), false);
    String search = query.titleContains() == null ? null : query.titleContains().toLowerCase(Locale.ROOT);
    List<TicketView> page = new ArrayList<>(query.limit() + 1);
    for (Iterator<String> newestFirst = older.descendingIterator(); newestFirst.hasNext() && page.size() <= query.limit(); ) {
      TicketView ticket = byId.get(newestFirst.next());
      if (ticket != null && (query.mine() || ticket.available()) && matches(ticket, query, search)) {
        page.add(ticket);
      }
    }
    return page;
  }

  private static boolean matches(TicketView ticket, ListingQuery query, String search) {
    return (search == null || ticket.title().toLowerCase(Locale.ROOT).contains(search))
        && (query.minPrice() == null || ticket.price() >= query.minPrice())
        && (query.maxPrice() == null || ticket.price() <= query.maxPrice());
  }
}
