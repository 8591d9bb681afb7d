package dev.ticketing.payments.commands;

import dev.ticketing.contracts.errors.BadRequest;
import dev.ticketing.contracts.errors.NotFound;
import dev.ticketing.contracts.errors.PaymentRequired;
import dev.ticketing.contracts.events.PaymentCreated;
import dev.ticketing.payments.domain.IdempotencyKeys;
import dev.ticketing.payments.domain.Payment;
import dev.ticketing.payments.domain.PaymentInput;
import dev.ticketing.payments.domain.PaymentOrder;
import dev.ticketing.payments.gateway.CardDeclined;
import dev.ticketing.payments.gateway.Charge;
import dev.ticketing.payments.gateway.PaymentGateway;
import dev.ticketing.payments.gateway.PaymentRequest;
import dev.ticketing.payments.refunds.Refunds;
import dev.ticketing.payments.store.OrderStore;
import dev.ticketing.platform.commands.CommandHandler;
import dev.ticketing.platform.commands.CommandRequest;
import dev.ticketing.platform.delivery.OutboxRelay;
import dev.ticketing.platform.mongo.Ids;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pays an order: checks it against our replica, charges the amount the replica holds, then records
 * the payment and its PaymentCreated event in one conditional write. The charge's idempotency key
 * comes from the order and its attempt number, so repeats of one request charge at most once.
 */
public final class CreatePaymentHandler implements CommandHandler {

  private static final Logger log = LoggerFactory.getLogger(CreatePaymentHandler.class);

  private final OrderStore orders;
  private final PaymentGateway gateway;
  private final Refunds refunds;
  private final OutboxRelay relay;
  private final String currency;
  private final Clock clock;

  public CreatePaymentHandler(OrderStore orders, PaymentGateway gateway, Refunds refunds, OutboxRelay relay,
                              String currency, Clock clock) {
    this.orders = orders;
    this.gateway = gateway;
    this.refunds = refunds;
    this.relay = relay;
    this.currency = currency;
    this.clock = clock;
  }

  @Override
  public Future<?> handle(CommandRequest request) {
    String userId = request.requireUser();
    PaymentInput input = PaymentInput.from(request.body());
    if (!Ids.isWellFormed(input.orderId())) {
      return Future.failedFuture(new NotFound("Order not found"));
    }
    return orders.find(input.orderId()).compose(order -> {
      if (order == null) {
        return Future.failedFuture(new NotFound("Order not found"));
      }
      order.requirePayableBy(userId, clock.instant());
      String key = IdempotencyKeys.charge(order.id(), order.declines());
      log.info("Paying order {} ({} {}) for user {}, request {}, key {}", order.id(), order.price(), currency, userId,
          request.requestId(), key);
      return gateway.charge(new PaymentRequest(order.id(), order.price(), currency, input.token(), key))
          .recover(failure -> failure instanceof CardDeclined declined ? declined(order, declined) : Future.failedFuture(failure))
          .compose(charge -> settle(order.id(), charge));
    });
  }

  /** Counts the decline, so the next attempt gets a fresh key, and tells the buyer: the order stays payable. */
  private Future<Charge> declined(PaymentOrder order, CardDeclined declined) {
    log.info("Card declined for order {} ({}): attempt {}", order.id(), declined.declineCode(), order.declines());
    return orders.recordDecline(order.id(), order.declines())
        .onFailure(failure -> log.warn("Decline of order {} not counted: {}", order.id(), failure.getMessage()))
        .transform(counted -> Future.failedFuture(new PaymentRequired(declined.getMessage())));
  }

  private Future<JsonObject> settle(String orderId, Charge charge) {
    Payment payment = new Payment(Ids.newId(), charge.stripeId(), clock.instant());
    PaymentCreated event = new PaymentCreated(payment.id(), orderId, charge.stripeId());
    return orders.recordPayment(orderId, payment, event).compose(stored -> {
      Payment held = stored.payment();
      if (!held.stripeId().equals(charge.stripeId())) {
        return strayCharge(orderId, charge);
      }
      // Ours, or a twin request's with the same charge: either way the same payment, so the same answer.
      relay.kick(orderId);
      if (stored.cancelled()) {
        log.info("Order {} was cancelled while payment {} was being made: refunding", orderId, charge.stripeId());
        return refunds.refundIfOwed(stored).transform(refunded -> Future.failedFuture(new BadRequest(refunded.succeeded()
            ? "The order was cancelled; your payment has been refunded"
            : "The order was cancelled; your payment will be refunded")));
      }
      return Future.succeededFuture(held.toReply(orderId));
    });
  }

  /**
   * Another charge became the order's payment first. Our keys make this unreachable while Stripe
   * remembers them (24 h); should it happen anyway, the second charge goes straight back.
   */
  private Future<JsonObject> strayCharge(String orderId, Charge charge) {
    log.error("Order {} was already paid; refunding the second charge {}", orderId, charge.stripeId());
    return gateway.refund(charge.stripeId(), IdempotencyKeys.strayRefund(charge.stripeId()))
        .onFailure(failure -> log.error("Second charge {} of order {} NOT refunded: {}", charge.stripeId(), orderId,
            failure.getMessage()))
        .transform(refunded -> Future.failedFuture(new BadRequest("Order has already been paid")));
  }
}
