package dev.ticketing.orders.store;

import static dev.ticketing.orders.store.OrderDocuments.TICKET_HOLD;
import static dev.ticketing.orders.store.OrderDocuments.USER_HOLD;

import dev.ticketing.contracts.events.OrderCancelled;
import dev.ticketing.contracts.events.OrderCompleted;
import dev.ticketing.contracts.events.OrderCreated;
import dev.ticketing.orders.domain.HoldSlots;
import dev.ticketing.orders.domain.Order;
import dev.ticketing.orders.domain.OrderStatus;
import dev.ticketing.platform.delivery.Outbox;
import dev.ticketing.platform.delivery.OutboxRelay;
import dev.ticketing.platform.mongo.Mongo;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only code that touches collection {@value #ORDERS}. Every change that emits an event is one
 * single-document write carrying its outbox entries, conditional on the version it read; the relay
 * is kicked right after, so delivery starts without waiting for a sweep.
 */
public final class OrderStore {

  static final String ORDERS = "orders";
  private static final Logger log = LoggerFactory.getLogger(OrderStore.class);
  // A conditional write misses only when a concurrent change moved the order; it then leaves `created` for good.
  private static final int TRANSITION_ATTEMPTS = 3;

  private final MongoClient mongo;
  private final OutboxRelay relay;

  public OrderStore(MongoClient mongo, OutboxRelay relay) {
    this.mongo = mongo;
    this.relay = relay;
  }

  /**
   * The two sparse unique indexes are what make holds exclusive, also when requests race: a
   * ticket is held by at most one live order, and a user's unpaid orders occupy distinct slots.
   * Sparse, because released holds are removed from the document, not set to null.
   */
  public Future<Void> createIndexes() {
    return mongo.createIndexWithOptions(ORDERS, new JsonObject().put(TICKET_HOLD, 1), sparseUnique(DuplicateHolds.TICKET_HOLD_INDEX))
        .compose(done -> mongo.createIndexWithOptions(ORDERS, new JsonObject().put(USER_HOLD, 1), sparseUnique(DuplicateHolds.USER_HOLD_INDEX)))
        .compose(done -> Mongo.index(mongo, ORDERS, new JsonObject().put("userId", 1).put("_id", -1), "buyer_newest_first"));
  }

  /** The hold slots the user's unpaid orders occupy. */
  public Future<List<Integer>> heldSlots(String userId) {
    JsonObject query = new JsonObject().put("userId", userId).put(USER_HOLD, new JsonObject().put("$exists", true));
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
        order.expiresAt(), order.ticket().id(), order.ticket().price());
    JsonObject document = Outbox.attach(OrderDocuments.newOrder(order, HoldSlots.key(order.userId(), slot), now), created);
    return mongo.insert(ORDERS, document)
        .recover(failure -> classifyDuplicate(failure, order.ticket().id()).compose(Future::failedFuture))
        .map(inserted -> {
          relay.kick(order.id());
          log.info("order {} created by user {} for ticket {} (slot {})", order.id(), order.userId(), order.ticket().id(), slot);
          return order;
        });
  }

  /** The order, or null. */
  public Future<Order> find(String id) {
    return mongo.findOne(ORDERS, new JsonObject().put("_id", id), null)
        .map(document -> document == null ? null : OrderDocuments.toOrder(document));
  }

  /** The user's orders, newest first (ObjectId hex strings sort by creation time). */
  public Future<List<Order>> listByUser(String userId) {
    FindOptions newestFirst = new FindOptions().setSort(new JsonObject().put("_id", -1));
    return mongo.findWithOptions(ORDERS, new JsonObject().put("userId", userId), newestFirst)
        .map(documents -> documents.stream().map(OrderDocuments::toOrder).toList());
  }

  /**
   * Cancels an unpaid order, for its buyer or for expiry alike: status {@code cancelled}, both
   * holds released (the ticket can be ordered again at once), OrderCancelled in the outbox.
   */
  public Future<Transition> cancel(Order order) {
    return transition(order, OrderStatus.CANCELLED, TRANSITION_ATTEMPTS, current -> Outbox.push(new JsonObject()
            .put("$set", new JsonObject().put("status", OrderStatus.CANCELLED.wireName()))
            .put("$unset", new JsonObject().put(TICKET_HOLD, "").put(USER_HOLD, ""))
            .put("$inc", new JsonObject().put("version", 1)),
        new OrderCancelled(current.id(), current.version() + 1, current.ticket().id())));
  }

  /**
   * Completes a paid order: status {@code complete} with the payment recorded, OrderCompleted in
   * the outbox. The user's hold slot is released; the ticket hold stays, for the ticket is sold.
   */
  public Future<Transition> complete(Order order, String paymentId, String stripeId) {
    return transition(order, OrderStatus.COMPLETE, TRANSITION_ATTEMPTS, current -> Outbox.push(new JsonObject()
            .put("$set", new JsonObject()
                .put("status", OrderStatus.COMPLETE.wireName())
                .put("payment", new JsonObject().put("id", paymentId).put("stripeId", stripeId)))
            .put("$unset", new JsonObject().put(USER_HOLD, ""))
            .put("$inc", new JsonObject().put("version", 1)),
        new OrderCompleted(current.id(), current.version() + 1, current.ticket().id())));
  }

  /** Moves a {@code created} order to {@code target} with {@code update}; the version filter makes the write apply once. */
  private Future<Transition> transition(Order order, OrderStatus target, int attemptsLeft, Function<Order, JsonObject> update) {
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
    JsonObject filter = new JsonObject().put("_id", order.id()).put("version", order.version())
        .put("status", OrderStatus.CREATED.wireName());
    return mongo.updateCollection(ORDERS, filter, update.apply(order)).compose(result -> {
      if (result.getDocMatched() == 1) {
        relay.kick(order.id());
        log.info("order {} is {} (v{})", order.id(), target.wireName(), order.version() + 1);
        return Future.succeededFuture(Transition.DONE);
      }
      if (attemptsLeft <= 1) {
        return Future.failedFuture(new IllegalStateException("order " + order.id() + " kept changing under us"));
      }
      return find(order.id()).compose(reloaded -> reloaded == null ? Future.succeededFuture(Transition.MISSING)
          : transition(reloaded, target, attemptsLeft - 1, update));
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
