package dev.ticketing.payments.commands;

import dev.ticketing.contracts.errors.ApiException;
import dev.ticketing.contracts.errors.BadRequest;
import dev.ticketing.contracts.events.ConsumerGroup;
import dev.ticketing.contracts.events.Subject;
import dev.ticketing.payments.domain.PaymentOrder;
import dev.ticketing.payments.remote.OrdersClient;
import dev.ticketing.payments.settle.Refunds;
import dev.ticketing.platform.delivery.OutboxRelay;
import dev.ticketing.platform.delivery.Outcome;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the buyer hears once the money is taken. A 201 means the ticket is the buyer's: it is
 * answered only when the orders service said it completed the order (its reply to our
 * PaymentCreated, or the order's status when we ask). An order cancelled meanwhile (it expired
 * while the charge ran, with no lease to hold it) gets its money back and a 400. When the orders
 * service cannot say in time, the buyer is told to look again: the payment stays recorded, its
 * event keeps being delivered, and the order ends complete or refunded.
 */
final class Verdicts {

  private static final Logger log = LoggerFactory.getLogger(Verdicts.class);
  static final String REFUNDED = "The order was cancelled before the payment completed; your payment has been refunded";
  static final String WILL_BE_REFUNDED = "The order was cancelled before the payment completed; your payment will be refunded";
  static final String ALREADY_PAID = "Order has already been paid";
  static final String PENDING = "Your payment was taken and the order is being completed; check the order in a moment";

  private final OutboxRelay relay;
  private final OrdersClient ordersService;
  private final Refunds refunds;
  private final long timeoutMillis;

  Verdicts(OutboxRelay relay, OrdersClient ordersService, Refunds refunds, long timeoutMillis) {
    this.relay = relay;
    this.ordersService = ordersService;
    this.refunds = refunds;
    this.timeoutMillis = timeoutMillis;
  }

  /** Ask before the payment is recorded: its PaymentCreated is delivered as soon as it is written. */
  Future<JsonObject> acknowledgement(String orderId) {
    return relay.acknowledgement(orderId, Subject.PAYMENT_CREATED, ConsumerGroup.ORDERS, timeoutMillis);
  }

  /** The answer for a payment just recorded, from the orders service's reply to its event. */
  Future<JsonObject> afterDelivery(PaymentOrder paid, Future<JsonObject> acknowledgement, String userId, String requestId) {
    if (paid.owesRefund()) {
      return cancelled(paid);
    }
    return acknowledgement.transform(acked -> {
      if (acked.failed()) {
        return fromStatus(paid, userId, requestId);
      }
      String outcome = acked.result().getString("outcome");
      return Outcome.OBSOLETE.name().equals(outcome) ? cancelled(paid) : Future.succeededFuture(PaymentReplies.render(paid));
    });
  }

  /**
   * The answer for an order paid earlier, asked again: "already paid" once the orders service has
   * completed it (a paid order cannot be paid again; nothing is charged), the refund if it ended
   * cancelled, and "look again" while it is being completed.
   */
  Future<JsonObject> forPaidOrder(PaymentOrder paid, String userId, String requestId) {
    return status(paid, userId, requestId, () -> Future.failedFuture(new BadRequest(ALREADY_PAID)));
  }

  /** The answer after a lost acknowledgement: the orders service's status of the order says it. */
  private Future<JsonObject> fromStatus(PaymentOrder paid, String userId, String requestId) {
    return status(paid, userId, requestId, () -> Future.succeededFuture(PaymentReplies.render(paid)));
  }

  private Future<JsonObject> status(PaymentOrder paid, String userId, String requestId,
                                    java.util.function.Supplier<Future<JsonObject>> whenComplete) {
    return ordersService.status(paid.id(), userId, requestId).transform(status -> {
      if (status.succeeded() && "complete".equals(status.result())) {
        return whenComplete.get();
      }
      if (status.succeeded() && "cancelled".equals(status.result())) {
        return cancelled(paid);
      }
      log.info("order {} is paid; the orders service has not completed it yet ({})", paid.id(),
          status.succeeded() ? status.result() : status.cause().getMessage());
      return Future.failedFuture(new ApiException(503, PENDING));
    });
  }

  private Future<JsonObject> cancelled(PaymentOrder paid) {
    log.info("order {} was cancelled while payment {} was made: refunding", paid.id(), paid.payment().stripeId());
    return refunds.refund(paid).transform(refunded -> Future.failedFuture(
        new BadRequest(refunded.succeeded() ? REFUNDED : WILL_BE_REFUNDED)));
  }
}
