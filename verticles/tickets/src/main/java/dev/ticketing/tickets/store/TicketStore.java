package dev.ticketing.tickets.store;

import dev.ticketing.contracts.errors.Conflict;
import dev.ticketing.platform.delivery.Outbox;
import dev.ticketing.platform.delivery.OutboxRelay;
import dev.ticketing.platform.mongo.Ids;
import dev.ticketing.platform.mongo.Mongo;
import dev.ticketing.tickets.domain.ListingQuery;
import dev.ticketing.tickets.domain.Ticket;
import dev.ticketing.tickets.domain.TicketDraft;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only code that touches collection {@value #COLLECTION}. Every write changes one document,
 * bumps its version and adds the matching event to its outbox in the same update, then asks the
 * relay to deliver it: an event exists exactly when its change does.
 */
public final class TicketStore {

  public static final String COLLECTION = "tickets";
  /** Lost races tolerated before giving up; each one means someone else changed the ticket meanwhile. */
  static final int ATTEMPTS = 4;

  private static final Logger log = LoggerFactory.getLogger(TicketStore.class);
  private static final JsonObject WITHOUT_OUTBOX = new JsonObject().put(Outbox.FIELD, 0);

  private final MongoClient mongo;
  private final OutboxRelay relay;

  public TicketStore(MongoClient mongo, OutboxRelay relay) {
    this.mongo = mongo;
    this.relay = relay;
  }

  /** Serves the listing's two filters (available, and one seller's) newest first. */
  public Future<Void> createIndexes() {
    return Mongo.index(mongo, COLLECTION, new JsonObject().put("orderId", 1).put("_id", -1), "available_newest_first")
        .compose(done -> Mongo.index(mongo, COLLECTION, new JsonObject().put("userId", 1).put("_id", -1), "seller_newest_first"));
  }

  public Future<Ticket> insert(String userId, TicketDraft draft) {
    Ticket ticket = new Ticket(Ids.newId(), draft.title(), draft.price(), userId, 0, null, false);
    JsonObject document = Outbox.attach(fields(ticket)
        .put("_id", ticket.id())
        .put("userId", userId)
        .put("version", 0L)
        .put("createdAt", Instant.now().toString()), ticket.createdEvent());
    return mongo.insert(COLLECTION, document)
        .map(inserted -> ticket)
        .onSuccess(written -> relay.kick(written.id()));
  }

  /** The ticket, or null when there is none with this id (also for ids that cannot exist). */
  public Future<Ticket> find(String id) {
    if (!Ids.isWellFormed(id)) {
      return Future.succeededFuture(null);
    }
    return mongo.findOne(COLLECTION, new JsonObject().put("_id", id), WITHOUT_OUTBOX).map(TicketStore::fromDocument);
  }

  /**
   * Reads the ticket, lets {@code decide} choose its next state from what it holds, and writes that
   * state only if the ticket is still exactly what was read (same version, owner and holder). When
   * another write came first, it reads and decides again. {@code decide} receives null for an
   * unknown ticket, may fail by throwing, and returns null when nothing needs to change.
   *
   * @return the ticket as stored afterwards; fails with {@link Conflict} after {@value #ATTEMPTS} lost races
   */
  public Future<Ticket> modify(String id, UnaryOperator<Ticket> decide) {
    return modify(id, decide, ATTEMPTS);
  }

  private Future<Ticket> modify(String id, UnaryOperator<Ticket> decide, int attemptsLeft) {
    return find(id).compose(current -> {
      Ticket next = decide.apply(current);
      if (next == null) {
        return Future.succeededFuture(current);
      }
      return replace(current, next).compose(written -> {
        if (written != null) {
          return Future.succeededFuture(written);
        }
        if (attemptsLeft > 1) {
          log.debug("ticket {} changed while v{} was being replaced; reading it again", id, current.version());
          return modify(id, decide, attemptsLeft - 1);
        }
        return Future.failedFuture(new Conflict("The ticket is changing right now, please try again"));
      });
    });
  }

  /** The one conditional write of a change: null when the ticket is no longer {@code current}. */
  private Future<Ticket> replace(Ticket current, Ticket next) {
    JsonObject filter = new JsonObject()
        .put("_id", current.id())
        .put("version", current.version())
        .put("userId", current.userId())
        .put("orderId", current.orderId());
    JsonObject update = Outbox.push(new JsonObject()
        .put("$set", fields(next))
        .put("$inc", new JsonObject().put("version", 1)), next.updatedEvent());
    return mongo.findOneAndUpdateWithOptions(COLLECTION, filter, update,
            new FindOptions().setFields(WITHOUT_OUTBOX), new UpdateOptions().setReturningNewDocument(true))
        .map(TicketStore::fromDocument)
        .onSuccess(written -> {
          if (written != null) {
            relay.kick(written.id());
          }
        });
  }

  /** One page plus one ticket more, so the caller can tell whether a next page exists. */
  public Future<List<Ticket>> list(ListingQuery query, String sellerId) {
    JsonObject filter = query.mine()
        ? new JsonObject().put("userId", sellerId)
        : new JsonObject().put("orderId", null).put("sold", false);
    if (query.titleContains() != null) {
      filter.put("title", new JsonObject().put("$regex", literal(query.titleContains())).put("$options", "i"));
    }
    JsonObject price = new JsonObject();
    if (query.minPrice() != null) {
      price.put("$gte", query.minPrice());
    }
    if (query.maxPrice() != null) {
      price.put("$lte", query.maxPrice());
    }
    if (!price.isEmpty()) {
      filter.put("price", price);
    }
    if (query.afterId() != null) {
      filter.put("_id", new JsonObject().put("$lt", query.afterId()));
    }
    FindOptions options = new FindOptions()
        .setFields(WITHOUT_OUTBOX)
        .setSort(new JsonObject().put("_id", -1))
        .setLimit(query.limit() + 1);
    return mongo.findWithOptions(COLLECTION, filter, options)
        .map(documents -> documents.stream().map(TicketStore::fromDocument).toList());
  }

  /** A regex matching {@code text} literally: every ASCII punctuation character escaped ("a.b(" → "a\.b\("). */
  static String literal(String text) {
    StringBuilder pattern = new StringBuilder(text.length() * 2);
    text.codePoints().forEach(c -> {
      if (c < 128 && !Character.isLetterOrDigit(c) && !Character.isWhitespace(c)) {
        pattern.append('\\');
      }
      pattern.appendCodePoint(c);
    });
    return pattern.toString();
  }

  /** The fields a change may set; _id, userId and version are never among them. */
  private static JsonObject fields(Ticket ticket) {
    return new JsonObject()
        .put("title", ticket.title())
        .put("price", ticket.price())
        .put("orderId", ticket.orderId())
        .put("sold", ticket.sold());
  }

  private static Ticket fromDocument(JsonObject document) {
    if (document == null) {
      return null;
    }
    return new Ticket(
        document.getString("_id"),
        document.getString("title"),
        document.getLong("price"),
        document.getString("userId"),
        document.getLong("version"),
        document.getString("orderId"),
        document.getBoolean("sold", false));
  }
}
