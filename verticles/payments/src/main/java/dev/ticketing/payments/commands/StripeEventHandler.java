package dev.ticketing.payments.commands;

import dev.ticketing.contracts.commands.StripeEventFacts;
import dev.ticketing.payments.domain.PaymentOrder;
import dev.ticketing.payments.domain.Refund;
import dev.ticketing.payments.settle.Settlement;
import dev.ticketing.payments.store.OrderStore;
import dev.ticketing.platform.commands.CommandHandler;
import dev.ticketing.platform.commands.CommandRequest;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stripe's webhook, a second source of what happened to our intents (the gateway verified its
 * signature): body {@code {type, intentId, orderId, refundId?}}. Every event is handled as
 * something that may already be known, so a repeat, or one our own request recorded first, changes
 * nothing:
 * <ul>
 *   <li>{@code payment_intent.succeeded}: the payment is recorded if it is not (see Settlement);</li>
 *   <li>{@code payment_intent.payment_failed} and {@code .canceled}: an open attempt is closed;</li>
 *   <li>{@code charge.refunded}: the refund is recorded if it is not.</li>
 * </ul>
 * Events about intents that are not an order's intent here are acknowledged and ignored.
 */
public final class StripeEventHandler implements CommandHandler {

  private static final Logger log = LoggerFactory.getLogger(StripeEventHandler.class);

  private final OrderStore orders;
  private final Settlement settlement;
  private final Clock clock;

  public StripeEventHandler(OrderStore orders, Settlement settlement, Clock clock) {
    this.orders = orders;
    this.settlement = settlement;
    this.clock = clock;
  }

  @Override
  public Future<?> handle(CommandRequest request) {
    StripeEventFacts event = StripeEventFacts.fromJson(request.body());
    String type = event.type();
    String intentId = event.intentId();
    String orderId = event.orderId();
    if (orderId == null || intentId == null) {
      return Future.succeededFuture(new JsonObject().put("handled", false));
    }
    return orders.find(orderId).compose(order -> {
      if (order == null || !intentId.equals(order.intentId())) {
        log.info("Stripe event {} for intent {} ignored: not the intent of an order we hold", type, intentId);
        return Future.succeededFuture(false);
      }
      return apply(type, order, intentId, event.refundId()).map(true);
    }).map(handled -> new JsonObject().put("handled", handled));
  }

  private Future<?> apply(String type, PaymentOrder order, String intentId, String refundId) {
    return switch (type) {
      case "payment_intent.succeeded" -> settlement.succeeded(order, intentId);
      case "payment_intent.payment_failed", "payment_intent.canceled" ->
          order.attemptOpen() && !order.paid() ? orders.closeAttempt(order.id()) : Future.succeededFuture();
      case "charge.refunded" -> order.paid() && order.refund() == null
          ? orders.recordRefund(order.id(), new Refund(refundId == null ? "re_unrecorded" : refundId, clock.instant()))
          : Future.succeededFuture();
      default -> Future.succeededFuture();
    };
  }
}
