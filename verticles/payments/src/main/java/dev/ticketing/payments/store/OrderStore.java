package dev.ticketing.payments.store;

import static dev.ticketing.payments.store.OrderDocuments.ATTEMPT_KEY;
import static dev.ticketing.payments.store.OrderDocuments.REFUND_KEY;

import dev.ticketing.contracts.events.OrderCancelled;
import dev.ticketing.contracts.events.OrderCompleted;
import dev.ticketing.contracts.events.OrderCreated;
import dev.ticketing.contracts.events.PaymentCreated;
import dev.ticketing.contracts.events.Versioned;
import dev.ticketing.payments.domain.OrderLease;
import dev.ticketing.payments.domain.Payment;
import dev.ticketing.payments.domain.PaymentOrder;
import dev.ticketing.payments.domain.Refund;
import dev.ticketing.platform.delivery.Outbox;
import dev.ticketing.platform.delivery.OutboxRelay;
import dev.ticketing.platform.delivery.Outcome;
import dev.ticketing.platform.delivery.VersionedReplica;
import dev.ticketing.platform.mongo.DueKeys;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;

/**
 * The only code that touches the payments database: collection {@value #ORDERS}, our replica of
 * the orders with their intents, attempts, payments and refunds. The replica fields (status,
 * version) change only through version-checked events or a seed from the orders service; the rest
 * is ours and never touches the version. Every query is answered by an index ({@code _id},
 * {@code {_id, version}}, or one of the two due keys), so nothing here scans.
 */
public final class OrderStore {

  public static final String ORDERS = "orders";

  private final MongoClient mongo;
  private final OutboxRelay relay;
  private final VersionedReplica replica;
  private final DueKeys openAttempts;
  private final DueKeys owedRefunds;

  public OrderStore(MongoClient mongo, OutboxRelay relay) {
    this.mongo = mongo;
    this.relay = relay;
    this.replica = new VersionedReplica(mongo, ORDERS);
    this.openAttempts = new DueKeys(mongo, ORDERS, ATTEMPT_KEY);
    this.owedRefunds = new DueKeys(mongo, ORDERS, REFUND_KEY);
  }

  public Future<Void> createIndexes() {
    return replica.createIndexes().compose(done -> openAttempts.createIndex()).compose(done -> owedRefunds.createIndex());
  }

  /** Confirmation attempts whose outcome is not recorded, due for the reconciler. */
  public DueKeys openAttempts() {
    return openAttempts;
  }

  /** Cancelled orders whose payment still has to go back. */
  public DueKeys owedRefunds() {
    return owedRefunds;
  }

  public Future<Outcome> applyCreated(OrderCreated event) {
    return replica.apply(event, OrderDocuments.created(event));
  }

  public Future<Outcome> applyCancelled(OrderCancelled event) {
    return replica.apply(event, new JsonObject().put("status", PaymentOrder.CANCELLED));
  }

  public Future<Outcome> applyCompleted(OrderCompleted event) {
    return replica.apply(event, new JsonObject().put("status", PaymentOrder.COMPLETE));
  }

  /** Stores the order as the orders service just leased it, unless we have it; the order as held afterwards. */
  public Future<PaymentOrder> seed(OrderLease lease) {
    Versioned at = new Versioned() {
      @Override
      public String id() {
        return lease.orderId();
      }

      @Override
      public long version() {
        return lease.version();
      }
    };
    return replica.seed(at, OrderDocuments.created(PaymentOrder.CREATED, lease.userId(), lease.price(), lease.expiresAt()))
        .compose(seeded -> find(lease.orderId()));
  }

  /** The order, or null when we have not heard of it. */
  public Future<PaymentOrder> find(String orderId) {
    return mongo.findOne(ORDERS, byId(orderId), Outbox.withoutOutbox()).map(OrderDocuments::read);
  }

  /** Notes the order's PaymentIntent. Repeats carry the same id (one idempotency key per order's intent). */
  public Future<Void> recordIntent(String orderId, String intentId) {
    return mongo.updateCollection(ORDERS, byId(orderId),
        new JsonObject().put("$set", new JsonObject().put("intent", new JsonObject().put("id", intentId)))).mapEmpty();
  }

  /**
   * Writes down, before it starts, that a confirmation attempt is under way: its number (for its
   * idempotency key) and an attempt key due at {@code reconcileAtMillis}, when the reconciler asks
   * Stripe should nobody have recorded the outcome by then. The attempt's number.
   */
  public Future<Long> beginAttempt(String orderId, long reconcileAtMillis) {
    JsonObject update = new JsonObject()
        .put("$inc", new JsonObject().put("attempts", 1))
        .put("$set", new JsonObject().put(ATTEMPT_KEY, DueKeys.key(reconcileAtMillis, orderId)));
    return mongo.findOneAndUpdateWithOptions(ORDERS, byId(orderId), update,
            new FindOptions().setFields(new JsonObject().put("attempts", 1)), new UpdateOptions().setReturningNewDocument(true))
        .map(document -> document.getLong("attempts"));
  }

  /** The attempt was declined: counted, and closed. */
  public Future<Void> recordDecline(String orderId) {
    return mongo.updateCollection(ORDERS, byId(orderId), new JsonObject()
        .put("$inc", new JsonObject().put("declines", 1))
        .put("$unset", new JsonObject().put(ATTEMPT_KEY, ""))).mapEmpty();
  }

  /** The attempt ended without taking money (Stripe says so): closed. */
  public Future<Void> closeAttempt(String orderId) {
    return mongo.updateCollection(ORDERS, byId(orderId),
        new JsonObject().put("$unset", new JsonObject().put(ATTEMPT_KEY, ""))).mapEmpty();
  }

  /**
   * Records that the order's intent took the money, closing the attempt, and returns the order as
   * stored. While the replica shows the order live, the payment and its PaymentCreated event are
   * one write, conditional on the replica's version, so a cancellation that arrives meanwhile
   * (which moves the version) cannot be missed: the write is then made again for a cancelled order,
   * which records the payment as owing its refund, and tells nobody it was paid.
   */
  public Future<PaymentOrder> recordPayment(PaymentOrder order, Payment payment) {
    JsonObject set = new JsonObject().put("payment", OrderDocuments.of(payment));
    if (order.cancelled()) {
      set.put(REFUND_KEY, DueKeys.key(System.currentTimeMillis(), order.id()));
      return update(byId(order.id()), new JsonObject().put("$set", set).put("$unset", new JsonObject().put(ATTEMPT_KEY, "")))
          .map(OrderDocuments::read);
    }
    JsonObject live = byId(order.id()).put("version", order.version());
    JsonObject update = Outbox.push(new JsonObject().put("$set", set).put("$unset", new JsonObject().put(ATTEMPT_KEY, "")),
        order.id(), new PaymentCreated(payment.id(), order.id(), payment.stripeId()));
    return update(live, update).compose(document -> {
      if (document == null) {
        return find(order.id()).compose(moved -> recordPayment(moved, payment));
      }
      relay.kick(order.id(), document);
      return Future.succeededFuture(OrderDocuments.read(document));
    });
  }

  /** The order is cancelled and holds money: due for a refund now (idempotent). */
  public Future<Void> owesRefund(String orderId) {
    return mongo.updateCollection(ORDERS, byId(orderId), new JsonObject()
        .put("$set", new JsonObject().put(REFUND_KEY, DueKeys.key(System.currentTimeMillis(), orderId)))).mapEmpty();
  }

  /** Records the refund once; a second refund of the same order (same idempotency key) is the same refund. */
  public Future<Void> recordRefund(String orderId, Refund refund) {
    return mongo.updateCollection(ORDERS, byId(orderId), new JsonObject()
        .put("$set", new JsonObject().put("refund", OrderDocuments.of(refund)))
        .put("$unset", new JsonObject().put(REFUND_KEY, ""))).mapEmpty();
  }

  /** The updated document, outbox fields included (for the relay), or null when the filter matched nothing. */
  private Future<JsonObject> update(JsonObject filter, JsonObject update) {
    return mongo.findOneAndUpdateWithOptions(ORDERS, filter, update, new FindOptions(),
        new UpdateOptions().setReturningNewDocument(true));
  }

  private static JsonObject byId(String orderId) {
    return new JsonObject().put("_id", orderId);
  }
}
