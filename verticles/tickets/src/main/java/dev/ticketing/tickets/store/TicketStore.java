package dev.ticketing.tickets.store;

import dev.ticketing.contracts.errors.Conflict;
import dev.ticketing.platform.delivery.Outbox;
import dev.ticketing.platform.delivery.OutboxRelay;
import dev.ticketing.platform.mongo.Ids;
import dev.ticketing.platform.mongo.Mongo;
import dev.ticketing.contracts.events.EventPayload;
import dev.ticketing.tickets.domain.Change;
import dev.ticketing.tickets.domain.ListingQuery;
import dev.ticketing.tickets.domain.Ticket;
import dev.ticketing.tickets.domain.TicketDraft;
import dev.ticketing.tickets.live.TicketFeed;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only code that touches collection {@value #COLLECTION}. Every write changes one document and
 * adds the matching events to its outbox in the same update, conditional on the version it read;
 * then it hands the written document to the relay (delivery starts at once) and tells the live
 * feed. An event exists exactly when its change does.
 */
public final class TicketStore {

  public static final String COLLECTION = "tickets";
  /** Lost races tolerated before giving up; each one means someone else changed the ticket meanwhile. */
  static final int ATTEMPTS = 4;

  private static final Logger log = LoggerFactory.getLogger(TicketStore.class);

  private final MongoClient mongo;
  private final OutboxRelay relay;
  private final TicketFeed feed;

  public TicketStore(MongoClient mongo, OutboxRelay relay, TicketFeed feed) {
    this.mongo = mongo;
    this.relay = relay;
    this.feed = feed;
  }

  /**
   * {_id, version} is the filter of every conditional write: unique, so the Mongo wire server
   * serves it from the index instead of scanning. The other two serve the listing on MongoDB.
   */
  public Future<Void> createIndexes() {
    return Mongo.uniqueIndex(mongo, COLLECTION, new JsonObject().put("_id", 1).put("version", 1), "id_version")
        .compose(done -> Mongo.index(mongo, COLLECTION, new JsonObject().put("orderId", 1).put("_id", -1), "available_newest_first"))
        .compose(done -> Mongo.index(mongo, COLLECTION, new JsonObject().put("userId", 1).put("_id", -1), "seller_newest_first"));
  }

  public Future<Ticket> insert(String userId, TicketDraft draft) {
    Change listed = Ticket.listed(Ids.newId(), userId, draft);
    JsonObject document = Outbox.attach(TicketDocuments.newDocument(listed.next(), Instant.now().toString()),
        listed.events().toArray(EventPayload[]::new));
    return mongo.insert(COLLECTION, document)
        .map(inserted -> {
          written(listed, document);
          return listed.next();
        });
  }

  /** The ticket, or null when there is none with this id (also for ids that cannot exist). */
  public Future<Ticket> find(String id) {
    if (!Ids.isWellFormed(id)) {
      return Future.succeededFuture(null);
    }
    return mongo.findOne(COLLECTION, new JsonObject().put("_id", id), Outbox.withoutOutbox()).map(TicketDocuments::fromDocument);
  }

  /**
   * Reads the ticket, lets {@code decide} choose the change from what it holds, and writes it only
   * if the ticket is still at the version that was read. When another write came first, it reads
   * and decides again. {@code decide} receives null for an unknown ticket, may fail by throwing,
   * and returns null when nothing needs to change.
   *
   * @return the ticket as stored afterwards; fails with {@link Conflict} after {@value #ATTEMPTS} lost races
   */
  public Future<Ticket> modify(String id, Function<Ticket, Change> decide) {
    return modify(id, decide, ATTEMPTS);
  }

  private Future<Ticket> modify(String id, Function<Ticket, Change> decide, int attemptsLeft) {
    return find(id).compose(current -> {
      Change change = decide.apply(current);
      if (change == null) {
        return Future.succeededFuture(current);
      }
      return write(current, change).compose(written -> {
        if (written) {
          return Future.succeededFuture(change.next());
        }
        if (attemptsLeft > 1) {
          log.debug("ticket {} changed while v{} was being replaced; reading it again", id, current.version());
          return modify(id, decide, attemptsLeft - 1);
        }
        return Future.failedFuture(new Conflict("The ticket is changing right now, please try again"));
      });
    });
  }

  /**
   * The one conditional write of a change; false when the ticket is no longer at the version read.
   * A change only we see (a refused reservation) keeps the version, so two of them racing can both
   * match; the loser's mark is lost, and a redelivery of its event is simply refused again.
   */
  private Future<Boolean> write(Ticket current, Change change) {
    JsonObject filter = new JsonObject().put("_id", current.id()).put("version", current.version());
    JsonObject update = new JsonObject().put("$set", TicketDocuments.fields(change.next()));
    if (!change.events().isEmpty()) {
      Outbox.push(update, current.id(), change.events().toArray(EventPayload[]::new));
    }
    return mongo.findOneAndUpdateWithOptions(COLLECTION, filter, update, new FindOptions().setFields(Outbox.projection()),
            new UpdateOptions().setReturningNewDocument(true))
        .map(document -> {
          if (document == null) {
            return false;
          }
          written(change, document);
          return true;
        });
  }

  private void written(Change change, JsonObject document) {
    if (!change.events().isEmpty()) {
      relay.kick(change.next().id(), document);
    }
    if (change.visible()) {
      feed.changed(change.next());
    }
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
        .setFields(Outbox.withoutOutbox())
        .setSort(new JsonObject().put("_id", -1))
        .setLimit(query.limit() + 1);
    return mongo.findWithOptions(COLLECTION, filter, options)
        .map(documents -> documents.stream().map(TicketDocuments::fromDocument).toList());
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
}
