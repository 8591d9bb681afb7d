package dev.ticketing.orders.store;

import dev.ticketing.contracts.events.TicketCreated;
import dev.ticketing.contracts.events.TicketUpdated;
import dev.ticketing.contracts.events.Versioned;
import dev.ticketing.orders.domain.Ticket;
import dev.ticketing.platform.delivery.Outcome;
import dev.ticketing.platform.delivery.VersionedReplica;
import dev.ticketing.platform.mongo.Mongo;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Our copy of the tickets service's tickets, collection {@value #TICKETS}: what can be ordered, at
 * what price, by whom it is sold, and which order the tickets service shows holding it. Written
 * from ticket events, version-checked, so it converges on the tickets service's state whatever
 * order the events arrive in; or seeded from the tickets service itself when a buyer asks for a
 * ticket we have not heard of yet. Prices are cents.
 */
public final class TicketReplicaStore {

  static final String TICKETS = "tickets";

  private final MongoClient mongo;
  private final VersionedReplica replica;

  public TicketReplicaStore(MongoClient mongo) {
    this.mongo = mongo;
    this.replica = new VersionedReplica(mongo, TICKETS);
  }

  public Future<Void> createIndexes() {
    return replica.createIndexes();
  }

  public Future<Outcome> apply(TicketCreated event) {
    return replica.apply(event, state(event.title(), event.price(), event.userId(), null));
  }

  public Future<Outcome> apply(TicketUpdated event) {
    return replica.apply(event, state(event.title(), event.price(), event.userId(), event.orderId()));
  }

  /**
   * Stores the ticket as the tickets service just told us, unless we hold it already. Its events
   * up to this version will then arrive as duplicates and the later ones apply on top, so the
   * replica stays what events alone would have made it.
   */
  public Future<Ticket> seed(Ticket ticket) {
    Versioned at = new Versioned() {
      @Override
      public String id() {
        return ticket.id();
      }

      @Override
      public long version() {
        return ticket.version();
      }
    };
    return replica.seed(at, state(ticket.title(), ticket.price(), ticket.userId(), ticket.orderId()))
        .compose(seeded -> find(ticket.id()));
  }

  /** The ticket, or null when we have not heard of it. */
  public Future<Ticket> find(String id) {
    return mongo.findOne(TICKETS, new JsonObject().put("_id", id), null)
        .map(document -> document == null ? null : toTicket(document));
  }

  /** The tickets we know among {@code ids}, by id, in one query. */
  public Future<Map<String, Ticket>> findAll(Collection<String> ids) {
    if (ids.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    JsonObject query = new JsonObject().put("_id", new JsonObject().put("$in", new JsonArray(ids.stream().distinct().toList())));
    return mongo.find(TICKETS, query).map(documents -> {
      Map<String, Ticket> byId = new HashMap<>();
      documents.forEach(document -> byId.put(document.getString("_id"), toTicket(document)));
      return byId;
    });
  }

  private static JsonObject state(String title, long price, String sellerId, String orderId) {
    return new JsonObject().put("title", title).put("price", price).put("userId", sellerId).put("orderId", orderId);
  }

  private static Ticket toTicket(JsonObject document) {
    return new Ticket(document.getString("_id"), document.getString("title"), document.getLong("price"),
        document.getString("userId"), document.getLong("version"), document.getString("orderId"));
  }
}
