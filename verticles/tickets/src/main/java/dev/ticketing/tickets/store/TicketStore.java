package dev.ticketing.tickets.store;

import dev.ticketing.contracts.errors.Conflict;
import dev.ticketing.platform.delivery.Outbox;
import dev.ticketing.platform.delivery.OutboxRelay;
import dev.ticketing.platform.mongo.DueKeys;
import dev.ticketing.platform.mongo.Ids;
import dev.ticketing.platform.mongo.Mongo;
import dev.ticketing.contracts.events.EventPayload;
import dev.ticketing.tickets.catalog.TicketCatalog;
import dev.ticketing.tickets.catalog.TicketView;
import dev.ticketing.tickets.domain.Change;
import dev.ticketing.tickets.domain.ListingQuery;
import dev.ticketing.tickets.domain.Ticket;
import dev.ticketing.tickets.domain.TicketDraft;
import dev.ticketing.tickets.live.TicketFeed;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only code that touches collection {@value #COLLECTION}. Every write changes one document and
 * adds the matching events to its outbox in the same update, conditional on the version it read;
 * then it hands the written document to the relay (delivery starts at once), takes the new state
 * into this instance's catalog and tells the live feed. An event exists exactly when its change
 * does. Every write also stamps the document's {@value #CHANGE_KEY} with its time, so that "what
 * changed since T?" is answered from an index ({@link #changedSince}).
 *
 * <p>Reads for display come from the catalog ({@link #view}, {@link #list}); reads before a write
 * come from the database ({@link #find}), which is the truth.
 */
public final class TicketStore {

  public static final String COLLECTION = "tickets";
  static final String CHANGE_KEY = "changeKey";
  /** After a write whose outcome we could not learn, when to read the ticket again. */
  private static final long RECHECK_MS = 1_000;
  /** Lost races tolerated before giving up; each one means someone else changed the ticket meanwhile. */
  static final int ATTEMPTS = 4;

  private static final Logger log = LoggerFactory.getLogger(TicketStore.class);

  private final Vertx vertx;
  private final MongoClient mongo;
  private final OutboxRelay relay;
  private final TicketFeed feed;
  private final TicketCatalog catalog;
  private final DueKeys changes;

  public TicketStore(Vertx vertx, MongoClient mongo, OutboxRelay relay, TicketFeed feed, TicketCatalog catalog) {
    this.vertx = vertx;
    this.mongo = mongo;
    this.relay = relay;
    this.feed = feed;
    this.catalog = catalog;
    this.changes = new DueKeys(mongo, COLLECTION, CHANGE_KEY);
  }

  /**
   * {_id, version} is the filter of every conditional write: unique, so the Mongo wire server
   * serves it from the index instead of scanning. The change key's index answers the catalog's
   * read-backs. (The listing is served from the catalog, so it needs no index here.)
   */
  public Future<Void> createIndexes() {
    return Mongo.uniqueIndex(mongo, COLLECTION, new JsonObject().put("_id", 1).put("version", 1), "id_version")
        .compose(done -> changes.createIndex());
  }

  public Future<Ticket> insert(String userId, TicketDraft draft) {
    Change listed = Ticket.listed(Ids.newId(), userId, draft);
    JsonObject document = Outbox.attach(TicketDocuments.newDocument(listed.next(), Instant.now().toString()),
        listed.events().toArray(EventPayload[]::new)).put(CHANGE_KEY, changeKey(listed.next().id()));
    return mongo.insert(COLLECTION, document)
        .map(inserted -> {
          written(listed, document);
          return listed.next();
        });
  }

  /** The ticket, or null when there is none with this id. */
  public Future<Ticket> find(String id) {
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
    JsonObject update = new JsonObject().put("$set", TicketDocuments.fields(change.next()).put(CHANGE_KEY, changeKey(current.id())));
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
        })
        .onFailure(unknown -> recheckLater(current.id()));
  }

  private void written(Change change, JsonObject document) {
    if (!change.events().isEmpty()) {
      relay.kick(change.next().id(), document);
    }
    if (change.visible()) {
      shown(change.next().view());
    }
  }

  /** A new state for everyone: this instance's catalog, then the other instances and the gateways. */
  private void shown(TicketView view) {
    if (catalog.apply(view)) {
      feed.changed(view);
    }
  }

  /**
   * A write failed without saying whether it happened (the database went away mid-reply, say):
   * read the ticket again a moment later, so neither this catalog nor the others keep the old state.
   */
  private void recheckLater(String id) {
    vertx.setTimer(RECHECK_MS, tick -> find(id)
        .onSuccess(ticket -> {
          if (ticket != null) {
            shown(ticket.view());
          }
        })
        .onFailure(stillDown -> recheckLater(id)));
  }

  private static String changeKey(String id) {
    return DueKeys.key(System.currentTimeMillis(), id);
  }

  /** The ticket as anyone sees it, or null when there is none: from the catalog, else from the database (then kept). */
  public Future<TicketView> view(String id) {
    TicketView held = catalog.find(id);
    if (held != null) {
      return Future.succeededFuture(held);
    }
    // Listed a moment ago by another instance whose change has not arrived yet, or not a ticket at all.
    return find(id).map(ticket -> {
      if (ticket == null) {
        return null;
      }
      catalog.apply(ticket.view());
      return catalog.find(id);
    });
  }

  /** Every ticket, to fill the catalog at start. */
  public Future<Void> loadAll(Consumer<TicketView> into) {
    return read(new JsonObject(), into);
  }

  /** Every ticket whose last change was written at {@code sinceMillis} or later (by the change key's index). */
  public Future<Void> changedSince(long sinceMillis, Consumer<TicketView> into) {
    return read(changes.since(sinceMillis), into);
  }

  private Future<Void> read(JsonObject query, Consumer<TicketView> into) {
    Promise<Void> done = Promise.promise();
    mongo.findBatchWithOptions(COLLECTION, query, new FindOptions().setFields(Outbox.withoutOutbox()).setBatchSize(1_000))
        .exceptionHandler(done::tryFail)
        .endHandler(end -> done.tryComplete())
        .handler(document -> into.accept(TicketDocuments.fromDocument(document).view()));
    return done.future();
  }

  /** The catalog's version: a listing page computed at one value is current until it changes. */
  public long catalogVersion() {
    return catalog.version();
  }

  /** One page plus one ticket more, so the caller can tell whether a next page exists (from the catalog). */
  public List<TicketView> list(ListingQuery query, String sellerId) {
    return catalog.page(query, sellerId);
  }
}
