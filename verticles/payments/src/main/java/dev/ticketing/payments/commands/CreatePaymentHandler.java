package dev.ticketing.payments.commands;

import dev.ticketing.contracts.commands.NewPayment;
import dev.ticketing.contracts.errors.ApiException;
import dev.ticketing.contracts.errors.Forbidden;
import dev.ticketing.contracts.errors.NotFound;
import dev.ticketing.contracts.errors.PaymentRequired;
import dev.ticketing.payments.domain.IdempotencyKeys;
import dev.ticketing.payments.domain.OrderLease;
import dev.ticketing.payments.domain.PaymentInput;
import dev.ticketing.payments.domain.PaymentOrder;
import dev.ticketing.payments.remote.OrdersClient;
import dev.ticketing.payments.settle.PaymentOutcomes;
import dev.ticketing.payments.settle.Refunds;
import dev.ticketing.payments.settle.Settlement;
import dev.ticketing.payments.store.OrderStore;
import dev.ticketing.payments.stripe.CardDeclined;
import dev.ticketing.payments.stripe.IntentRequest;
import dev.ticketing.payments.stripe.IntentState;
import dev.ticketing.payments.stripe.PaymentProvider;
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
 * Pays an order, writing down each step before the money moves:
 * <ol>
 *   <li>the orders service grants a payment lease (so the order cannot expire while we charge) and
 *       tells us the price;</li>
 *   <li>the order's one PaymentIntent is created (no money moves) and its id stored;</li>
 *   <li>the attempt is stored, with a key that brings the reconciler in should nobody record how it
 *       ended;</li>
 *   <li>the intent is confirmed with the buyer's card, under that attempt's idempotency key;</li>
 *   <li>a success is recorded with PaymentCreated in one write, and the buyer hears 201 only once
 *       the orders service has completed the order (see {@link Verdicts}).</li>
 * </ol>
 * A crash or a failure between any two steps leaves a record that the reconciler, a retry by the
 * buyer (with the same card or another) or Stripe's webhook carries on from; an intent succeeds at
 * most once, so no path can charge twice.
 */
public final class CreatePaymentHandler implements CommandHandler {

  private static final Logger log = LoggerFactory.getLogger(CreatePaymentHandler.class);

  private final OrderStore orders;
  private final PaymentProvider provider;
  private final OrdersClient ordersService;
  private final Settlement settlement;
  private final Verdicts verdicts;
  private final String currency;
  private final long reconcileAfterMillis;
  private final Clock clock;

  public CreatePaymentHandler(OrderStore orders, PaymentProvider provider, OrdersClient ordersService, Refunds refunds,
                              Settlement settlement, OutboxRelay relay, String currency, long reconcileAfterMillis,
                              long verdictTimeoutMillis, Clock clock) {
    this.orders = orders;
    this.provider = provider;
    this.ordersService = ordersService;
    this.settlement = settlement;
    this.verdicts = new Verdicts(relay, ordersService, refunds, verdictTimeoutMillis);
    this.currency = currency;
    this.reconcileAfterMillis = reconcileAfterMillis;
    this.clock = clock;
  }

  @Override
  public Future<?> handle(CommandRequest request) {
    String userId = request.requireUser();
    PaymentInput input = PaymentInput.from(NewPayment.fromJson(request.body()));
    if (!Ids.isWellFormed(input.orderId())) {
      return Future.failedFuture(new NotFound("Order not found"));
    }
    return orders.find(input.orderId()).compose(held -> {
      if (held != null && held.paid()) {
        if (!held.userId().equals(userId)) {
          return Future.failedFuture(new Forbidden("You do not own this order"));
        }
        return verdicts.forPaidOrder(held, userId, request.requestId());
      }
      return ordersService.lease(input.orderId(), userId, request.requestId())
          .compose(lease -> (held != null ? Future.succeededFuture(held) : orders.seed(lease))
              .compose(order -> order.paid() ? verdicts.forPaidOrder(order, userId, request.requestId())
                  : charge(order, lease, input, request)));
    });
  }

  private Future<JsonObject> charge(PaymentOrder order, OrderLease lease, PaymentInput input, CommandRequest request) {
    return intentOf(order, lease)
        .compose(intentId -> orders.beginAttempt(order.id(), clock.millis() + reconcileAfterMillis)
            .compose(attempt -> {
              log.info("Paying order {} ({} {}) for user {}, request {}, intent {}, attempt {}", order.id(), lease.price(),
                  currency, request.userId().orElse("?"), request.requestId(), intentId, attempt);
              Future<JsonObject> acknowledgement = verdicts.acknowledgement(order.id());
              return provider.confirm(intentId, input.token(), IdempotencyKeys.confirm(order.id(), attempt))
                  .recover(failure -> refused(order, failure))
                  .compose(state -> outcome(order, state, acknowledgement, request));
            }));
  }

  /** The order's intent: the one we stored, or a new one (the same one again, should we have lost its id). */
  private Future<String> intentOf(PaymentOrder order, OrderLease lease) {
    if (order.intentId() != null) {
      return Future.succeededFuture(order.intentId());
    }
    return provider.createIntent(new IntentRequest(order.id(), lease.price(), currency, IdempotencyKeys.intent(order.id())))
        .compose(intentId -> orders.recordIntent(order.id(), intentId).map(intentId));
  }

  private Future<JsonObject> outcome(PaymentOrder order, IntentState state, Future<JsonObject> acknowledgement,
                                     CommandRequest request) {
    if (state.succeeded()) {
      return orders.find(order.id())
          .compose(current -> settlement.succeeded(current, state.id()))
          .compose(paid -> verdicts.afterDelivery(paid, acknowledgement, request.requireUser(), request.requestId()));
    }
    if (state.settledUnpaid()) {
      return declined(order, new CardDeclined("Your card was declined.", state.status()));
    }
    // 3-D Secure and the like: nothing we can offer here. The attempt stays open; the reconciler records how it ends.
    log.info("Payment intent {} of order {} is {}: left to the reconciler", state.id(), order.id(), state.status());
    return Future.failedFuture(new PaymentRequired("Your card needs a confirmation step this shop does not support"));
  }

  /**
   * A confirmation Stripe answered with a refusal moved no money: a decline is counted, and either
   * closes the attempt. Any other failure (Stripe down, no answer in time) says nothing of the
   * outcome: the attempt stays open for the reconciler.
   */
  private <T> Future<T> refused(PaymentOrder order, Throwable failure) {
    if (failure instanceof CardDeclined declined) {
      return declined(order, declined);
    }
    if (failure instanceof ApiException api && api.status() >= 400 && api.status() < 500 && api.status() != 409) {
      return orders.closeAttempt(order.id()).transform(closed -> Future.failedFuture(failure));
    }
    return Future.failedFuture(failure);
  }

  /** Counts the decline and closes the attempt; the order stays payable, with this card or another. */
  private <T> Future<T> declined(PaymentOrder order, CardDeclined declined) {
    log.info("Card declined for order {} ({})", order.id(), declined.declineCode());
    PaymentOutcomes.DECLINED.count();
    return orders.recordDecline(order.id())
        .onFailure(failure -> log.warn("Decline of order {} not recorded: {}", order.id(), failure.getMessage()))
        .transform(counted -> Future.failedFuture(new PaymentRequired(declined.getMessage())));
  }
}
