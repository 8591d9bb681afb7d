package dev.ticketing.orders.store;

import static dev.ticketing.orders.store.OrderDocuments.BUYER_KEY;
import static dev.ticketing.orders.store.OrderDocuments.EXPIRY_KEY;
import static dev.ticketing.orders.store.OrderDocuments.LEASE_UNTIL;
import static dev.ticketing.orders.store.OrderDocuments.TICKET_HOLD;
import static dev.ticketing.orders.store.OrderDocuments.USER_HOLD;

import dev.ticketing.contracts.events.EventPayload;
import dev.ticketing.contracts.events.OrderCancelled;
import dev.ticketing.contracts.events.OrderCompleted;
import dev.ticketing.contracts.events.OrderCreated;
import dev.ticketing.orders.domain.HoldSlots;
import dev.ticketing.orders.domain.Order;
import dev.ticketing.orders.domain.OrderStatus;
import dev.ticketing.platform.delivery.Outbox;
import dev.ticketing.platform.delivery.OutboxRelay;
import dev.ticketing.platform.mongo.DueKeys;
import dev.ticketing.platform.mongo.Mongo;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only code that touches collection {@value #ORDERS}. Every change that emits an event is one
 * single-document write carrying its outbox entries, conditional on the version it read; the
 * written document goes straight to the relay, so delivery starts without a read or a sweep.
 * Every query is answered by a unique index ({@code _id}, {@code {_id, version}}, the holds, the
 * expiry key), so its cost does not grow with the number of orders stored.
 */
public final class OrderStore {

  static final String ORDERS = "orders";
  private static final Logger log = LoggerFactory.getLogger(OrderStore.class);
  // A conditional write misses only when a concurrent change moved the order; it then leaves `created` for good.
  private static final int TRANSITION_ATTEMPTS = 3;

  private final MongoClient mongo;
  private final OutboxRelay relay;
  private final Duration expiryGrace;
  private final DueKeys expiries;

  public OrderStore(MongoClient mongo, OutboxRelay relay, Duration expiryGrace) {
    this.mongo = mongo;
    this.relay = relay;
    this.expiryGrace = expiryGrace;
    this.expiries = new DueKeys(mongo, ORDERS, EXPIRY_KEY);
  }

  /** The live orders the safety net should look at, by their expiry keys. */
  public DueKeys expiries() {
    return expiries;
  }

  /**
   * The two sparse unique indexes are what make holds exclusive, also when requests race: a
   * ticket is held by at most one live order, and a user's unpaid orders occupy distinct slots.
   * Sparse, because released holds are removed from the document, not set to null.
   */
  public Future<Void> createIndexes() {
    return mongo.createIndexWithOptions(ORDERS, new JsonObject().put(TICKET_HOLD, 1), sparseUnique(DuplicateHolds.TICKET_HOLD_INDEX))
        .compose(done -> mongo.createIndexWithOptions(ORDERS, new JsonObject().put(USER_HOLD, 1), sparseUnique(DuplicateHolds.USER_HOLD_INDEX)))
        .compose(done -> Mongo.uniqueIndex(mongo, ORDERS, new JsonObject().put("_id", 1).put("version", 1), "id_version"))
        .compose(done -> expiries.createIndex())
        .compose(done -> mongo.createIndexWithOptions(ORDERS, new JsonObject().put(BUYER_KEY, 1), sparseUnique("buyer_orders")))
        .compose(done -> addBuyerKeys());
  }

  /**
   * Orders written before buyer keys existed get theirs, so the buyer's list shows them. One read of
   * the orders without a key at each start: none after the first.
   */
  private Future<Void> addBuyerKeys() {
    JsonObject missing = new JsonObject().put(BUYER_KEY, new JsonObject().put("$exists", false));
    return mongo.findWithOptions(ORDERS, missing, new FindOptions().setFields(new JsonObject().put("userId", 1)))
        .compose(documents -> {
          if (!documents.isEmpty()) {
            log.info("giving {} orders their buyer key", documents.size());
          }
          return addBuyerKeys(documents, 0);
        });
  }

  /** 64 at a time: an old store may have many, and the client's queue is not the place for them. */
  private Future<Void> addBuyerKeys(List<JsonObject> documents, int from) {
    if (from >= documents.size()) {
      return Future.succeededFuture();
    }
    List<Future<?>> batch = documents.subList(from, Math.min(documents.size(), from + 64)).stream()
        .<Future<?>>map(document -> mongo.updateCollection(ORDERS, new JsonObject().put("_id", document.getString("_id")),
            new JsonObject().put("$set", new JsonObject().put(BUYER_KEY,
                OrderDocuments.buyerKey(document.getString("userId"), document.getString("_id"))))))
        .toList();
    return Future.all(batch).compose(done -> addBuyerKeys(documents, from + 64));
  }

  /**
   * Whether a live order holds the ticket now: one read of the ticket-hold index. A hint only (the
   * hold may end a moment later, or be taken a moment later): the unique index decides at insert.
   */
  public Future<Boolean> isHeld(String ticketId) {
    return mongo.findOne(ORDERS, new JsonObject().put(TICKET_HOLD, ticketId), new JsonObject().put("_id", 1))
        .map(holder -> holder != null);
  }

  /** The hold slots the user's unpaid orders occupy: one lookup of every possible slot in the slot index. */
  public Future<List<Integer>> heldSlots(String userId, int cap) {
    JsonArray slots = new JsonArray(IntStream.range(0, cap).mapToObj(slot -> HoldSlots.key(userId, slot)).toList());
    JsonObject query = new JsonObject().put(USER_HOLD, new JsonObject().put("$in", slots));
    FindOptions options = new FindOptions().setFields(new JsonObject().put(USER_HOLD, 1));
    return mongo.findWithOptions(ORDERS, query, options)
        .map(documents -> documents.stream().map(document -> HoldSlots.slotOf(document.getString(USER_HOLD))).toList());
  }

  /**
   * Inserts a new order holding its ticket and hold slot {@code slot}, with its OrderCreated event.
   * Fails with {@link HoldTaken} when a unique index refuses either hold.
   */
  public Future<Order> insert(Order order, int slot, Instant now) {
    OrderCreated created = new OrderCreated(order.id(), order.version(), order.status().wireName(), order.userId(),
        order.expiresAt(), order.ticket().id(), order.ticket().price(), order.ticket().version());
    JsonObject document = Outbox.attach(
        OrderDocuments.newOrder(order, HoldSlots.key(order.userId(), slot), now, expiryGrace), created);
    return mongo.insert(ORDERS, document)
        .recover(failure -> classifyDuplicate(failure, order.ticket().id()).compose(Future::failedFuture))
        .map(inserted -> {
          relay.kick(order.id(), document);
          log.info("order {} created by user {} for ticket {} (slot {})", order.id(), order.userId(), order.ticket().id(), slot);
          return order;
        });
  }

  /** The order, or null. */
  public Future<Order> find(String id) {
    return mongo.findOne(ORDERS, new JsonObject().put("_id", id), Outbox.withoutOutbox()).map(OrderDocuments::toOrder);
  }

  /** The user's orders, newest first: one range of the buyer index. */
  public Future<List<Order>> listByUser(String userId) {
    FindOptions newestFirst = new FindOptions().setSort(new JsonObject().put(BUYER_KEY, -1)).setFields(Outbox.withoutOutbox());
    return mongo.findWithOptions(ORDERS, OrderDocuments.ordersOf(userId), newestFirst)
        .map(documents -> documents.stream().map(OrderDocuments::toOrder).toList());
  }

  /**
   * Cancels an unpaid order, for its buyer or for expiry alike: status {@code cancelled}, both
   * holds and the expiry key released (the ticket can be ordered again at once), OrderCancelled in
   * the outbox. {@code reason} is kept for whoever reads the order later.
   */
  public Future<Transition> cancel(Order order, String reason) {
    return transition(order, OrderStatus.CANCELLED, TRANSITION_ATTEMPTS, current -> new Update(new JsonObject()
        .put("$set", new JsonObject().put("status", OrderStatus.CANCELLED.wireName()).put("cancelReason", reason))
        .put("$unset", new JsonObject().put(TICKET_HOLD, "").put(USER_HOLD, "").put(EXPIRY_KEY, "").put(LEASE_UNTIL, ""))
        .put("$inc", new JsonObject().put("version", 1)),
        new OrderCancelled(current.id(), current.version() + 1, current.ticket().id())));
  }

  /**
   * Completes a paid order: status {@code complete} with the payment recorded, OrderCompleted in
   * the outbox. The user's hold slot is released; the ticket hold stays, for the ticket is sold.
   */
  public Future<Transition> complete(Order order, String paymentId, String stripeId) {
    return transition(order, OrderStatus.COMPLETE, TRANSITION_ATTEMPTS, current -> new Update(new JsonObject()
        .put("$set", new JsonObject()
            .put("status", OrderStatus.COMPLETE.wireName())
            .put("payment", new JsonObject().put("id", paymentId).put("stripeId", stripeId)))
        .put("$unset", new JsonObject().put(USER_HOLD, "").put(EXPIRY_KEY, "").put(LEASE_UNTIL, ""))
        .put("$inc", new JsonObject().put("version", 1)),
        new OrderCompleted(current.id(), current.version() + 1, current.ticket().id())));
  }

  /**
   * Holds expiry back until {@code until} while a payment is made. Not a change anyone sees, so the
   * version stays; the filter on it makes sure the order is still the unpaid one that was checked.
   * The order's expiry key moves past the lease, so the safety net waits too. False when the order
   * changed meanwhile.
   */
  public Future<Boolean> lease(Order order, Instant until) {
    JsonObject filter = new JsonObject().put("_id", order.id()).put("version", order.version());
    Instant netFires = until.isAfter(order.expiresAt()) ? until : order.expiresAt();
    JsonObject update = new JsonObject().put("$set", new JsonObject()
        .put(LEASE_UNTIL, until.toString())
        .put(EXPIRY_KEY, DueKeys.key(netFires.plus(expiryGrace).toEpochMilli(), order.id())));
    return mongo.updateCollection(ORDERS, filter, update).map(result -> result.getDocMatched() == 1);
  }

  /**
   * Announces an old cancellation again, with its original version: the tickets service shows the
   * ticket held by this cancelled order, and this makes it let go. Consumers that applied it
   * before see a duplicate.
   */
  public Future<Void> reannounceCancellation(Order order) {
    if (order.status() != OrderStatus.CANCELLED) {
      return Future.succeededFuture();
    }
    JsonObject update = Outbox.push(new JsonObject(), order.id(),
        new OrderCancelled(order.id(), order.version(), order.ticket().id()));
    return mongo.findOneAndUpdateWithOptions(ORDERS, new JsonObject().put("_id", order.id()), update,
            new FindOptions().setFields(Outbox.projection()), new UpdateOptions().setReturningNewDocument(true))
        .onSuccess(document -> {
          if (document != null) {
            relay.kick(order.id(), document);
            log.warn("order {} is cancelled but its ticket {} still shows it: cancellation announced again",
                order.id(), order.ticket().id());
          }
        })
        .mapEmpty();
  }

  /** Removes a stale expiry key (the order is no longer live, or is gone). */
  public Future<Void> forgetExpiry(String orderId) {
    return mongo.updateCollection(ORDERS, new JsonObject().put("_id", orderId),
        new JsonObject().put("$unset", new JsonObject().put(EXPIRY_KEY, ""))).mapEmpty();
  }

  /** One transition's write: the update and the event that goes with it. */
  private record Update(JsonObject update, EventPayload event) {
  }

  /** Moves a {@code created} order to {@code target}; the version filter makes the write apply once. */
  private Future<Transition> transition(Order order, OrderStatus target, int attemptsLeft,
                                        java.util.function.Function<Order, Update> change) {
    switch (order.status()) {
      case CANCELLED:
        return Future.succeededFuture(Transition.ALREADY_CANCELLED);
      case COMPLETE:
        return Future.succeededFuture(Transition.ALREADY_COMPLETE);
      case CREATED:
        break;
      default:
        return Future.failedFuture(new IllegalStateException("order " + order.id() + " is " + order.status().wireName()));
    }
    JsonObject filter = new JsonObject().put("_id", order.id()).put("version", order.version());
    Update write = change.apply(order);
    JsonObject update = Outbox.push(write.update(), order.id(), write.event());
    return mongo.findOneAndUpdateWithOptions(ORDERS, filter, update, new FindOptions().setFields(Outbox.projection()),
            new UpdateOptions().setReturningNewDocument(true))
        .compose(document -> {
          if (document != null) {
            relay.kick(order.id(), document);
            log.info("order {} is {} (v{})", order.id(), target.wireName(), order.version() + 1);
            return Future.succeededFuture(Transition.DONE);
          }
          if (attemptsLeft <= 1) {
            return Future.failedFuture(new IllegalStateException("order " + order.id() + " kept changing under us"));
          }
          return find(order.id()).compose(reloaded -> reloaded == null ? Future.succeededFuture(Transition.MISSING)
              : transition(reloaded, target, attemptsLeft - 1, change));
        });
  }

  /** A HoldTaken for a duplicate on one of our hold indexes; the failure itself otherwise. */
  private Future<Throwable> classifyDuplicate(Throwable failure, String ticketId) {
    HoldTaken.Kind named = DuplicateHolds.named(failure);
    if (named != null) {
      return Future.succeededFuture(new HoldTaken(named));
    }
    if (!Mongo.isDuplicateKey(failure)) {
      return Future.succeededFuture(failure);
    }
    // The server did not name the index: whoever holds the ticket now tells us which one it was.
    return mongo.findOne(ORDERS, new JsonObject().put(TICKET_HOLD, ticketId), new JsonObject().put("_id", 1))
        .map(holder -> new HoldTaken(holder != null ? HoldTaken.Kind.TICKET : HoldTaken.Kind.USER_SLOT));
  }

  private static IndexOptions sparseUnique(String name) {
    return new IndexOptions().unique(true).sparse(true).name(name);
  }
}
