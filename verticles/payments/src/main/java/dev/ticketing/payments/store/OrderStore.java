package dev.ticketing.payments.store;

import dev.ticketing.contracts.events.OrderCancelled;
import dev.ticketing.contracts.events.OrderCreated;
import dev.ticketing.contracts.events.PaymentCreated;
import dev.ticketing.payments.domain.Payment;
import dev.ticketing.payments.domain.PaymentOrder;
import dev.ticketing.payments.domain.Refund;
import dev.ticketing.platform.delivery.Outbox;
import dev.ticketing.platform.delivery.Outcome;
import dev.ticketing.platform.delivery.VersionedReplica;
import dev.ticketing.platform.mongo.Mongo;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.util.List;

/**
 * The only code that touches the payments database: collection {@value #ORDERS}, our replica of
 * the orders with their payments. The replica fields (status, version) change only through
 * version-checked events; payment, refund and declines are ours and never touch the version.
 */
public final class OrderStore {

  public static final String ORDERS = "orders";
  private static final JsonObject ABSENT = new JsonObject().put("$exists", false);
  private static final JsonObject PRESENT = new JsonObject().put("$exists", true);

  private final MongoClient mongo;
  private final VersionedReplica replica;

  public OrderStore(MongoClient mongo) {
    this.mongo = mongo;
    this.replica = new VersionedReplica(mongo, ORDERS);
  }

  public Future<Outcome> applyCreated(OrderCreated event) {
    return replica.apply(event, OrderDocuments.created(event));
  }

  public Future<Outcome> applyCancelled(OrderCancelled event) {
    return replica.apply(event, new JsonObject().put("status", PaymentOrder.CANCELLED));
  }

  /** The order, or null when we have not heard of it. */
  public Future<PaymentOrder> find(String orderId) {
    return mongo.findOne(ORDERS, byId(orderId), null).map(OrderDocuments::read);
  }

  /**
   * Counts a declined attempt. The filter on the count we read makes twin requests (which share
   * that attempt's idempotency key, hence its decline) count it once.
   */
  public Future<Boolean> recordDecline(String orderId, int declinesSeen) {
    JsonObject filter = byId(orderId).put("declines", declinesSeen);
    return mongo.updateCollection(ORDERS, filter, new JsonObject().put("$inc", new JsonObject().put("declines", 1)))
        .map(result -> result.getDocMatched() == 1);
  }

  /**
   * Records {@code payment} unless the order already has one, and returns the order as stored
   * afterwards (its payment is ours, or the one that was there first). Each attempt is one
   * conditional single-document write: for a live order the payment and its PaymentCreated event
   * together; for an order cancelled meanwhile the payment alone, since the orders service has
   * nothing to complete and the money is about to go back.
   */
  public Future<PaymentOrder> recordPayment(String orderId, Payment payment, PaymentCreated event) {
    JsonObject set = new JsonObject().put("$set", new JsonObject().put("payment", payment.toDocument()));
    JsonObject live = byId(orderId).put("status", PaymentOrder.CREATED).put("payment", ABSENT);
    return update(live, Outbox.push(set.copy(), event))
        .compose(stored -> stored != null ? Future.succeededFuture(stored)
            : update(byId(orderId).put("payment", ABSENT), set))
        .compose(stored -> stored != null ? Future.succeededFuture(stored) : find(orderId));
  }

  /** Records the refund once; a second refund of the same order (same idempotency key) is the same refund. */
  public Future<Boolean> recordRefund(String orderId, Refund refund) {
    JsonObject filter = byId(orderId).put("refund", ABSENT);
    return mongo.updateCollection(ORDERS, filter, new JsonObject().put("$set", new JsonObject().put("refund", refund.toDocument())))
        .map(result -> result.getDocMatched() == 1);
  }

  /** For the refund sweep's query, on MongoDB. */
  public Future<Void> createIndexes() {
    return Mongo.index(mongo, ORDERS, new JsonObject().put("status", 1), "by_status");
  }

  /** Cancelled orders whose payment has not been refunded yet (a refund failed, or we stopped halfway). */
  public Future<List<PaymentOrder>> owingRefunds(int limit) {
    JsonObject query = new JsonObject().put("status", PaymentOrder.CANCELLED).put("payment", PRESENT).put("refund", ABSENT);
    return mongo.findWithOptions(ORDERS, query, new FindOptions().setLimit(limit))
        .map(documents -> documents.stream().map(OrderDocuments::read).toList());
  }

  /** The updated order, or null when the filter matched nothing. */
  private Future<PaymentOrder> update(JsonObject filter, JsonObject update) {
    return mongo.findOneAndUpdateWithOptions(ORDERS, filter, update, new FindOptions(),
            new UpdateOptions().setReturningNewDocument(true))
        .map(OrderDocuments::read);
  }

  private static JsonObject byId(String orderId) {
    return new JsonObject().put("_id", orderId);
  }
}
