package dev.ticketing.orders.commands;

import dev.ticketing.contracts.commands.PaymentLeaseRequest;
import dev.ticketing.contracts.errors.Conflict;
import dev.ticketing.contracts.errors.NotFound;
import dev.ticketing.orders.domain.Order;
import dev.ticketing.orders.remote.TicketsLookup;
import dev.ticketing.orders.store.OrderStore;
import dev.ticketing.orders.store.TicketReplicaStore;
import dev.ticketing.platform.commands.CommandHandler;
import dev.ticketing.platform.commands.CommandRequest;
import dev.ticketing.platform.mongo.Ids;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The payments service asks, before any money moves: may this buyer pay this order now? Yes when
 * the order is theirs, unpaid, not expired, and its ticket shows the reservation (the tickets
 * service accepted it; until then the order could still be refused, and a charge would have to go
 * back). The answer is a payment lease: expiry waits until it ends, so a payment that started in
 * time can finish even if the order's time runs out meanwhile. The reply carries the order as we
 * know it, so payments need not wait for our events to charge the right amount.
 *
 * <p>Body {@code {orderId}}; reply {@code {orderId, userId, price, expiresAt, version, leaseUntil}},
 * price in cents. When our replica of the ticket does not show the reservation yet, the tickets
 * service is asked (it answers from memory, right after its write): a buyer who pays at once
 * would otherwise wait for the ticket's event to come round to us. A reservation shown by neither
 * is waited for, briefly.
 */
public final class LeasePaymentHandler implements CommandHandler {

  private static final long POLL_MILLIS = 20;

  private final Vertx vertx;
  private final OrderStore orders;
  private final TicketReplicaStore tickets;
  private final TicketsLookup owner;
  private final OwnedOrders owned;
  private final Clock clock;
  private final Duration lease;
  private final Duration wait;

  public LeasePaymentHandler(Vertx vertx, OrderStore orders, TicketReplicaStore tickets, TicketsLookup owner, Clock clock,
                             Duration lease, Duration wait) {
    this.vertx = vertx;
    this.orders = orders;
    this.tickets = tickets;
    this.owner = owner;
    this.owned = new OwnedOrders(orders);
    this.clock = clock;
    this.lease = lease;
    this.wait = wait;
  }

  @Override
  public Future<?> handle(CommandRequest request) {
    String userId = request.requireUser();
    String orderId = Ids.required(PaymentLeaseRequest.fromJson(request.body()).orderId(), "orderId");
    long deadline = System.currentTimeMillis() + wait.toMillis();
    return owned.find(orderId, userId).compose(order -> leaseWhenReserved(order, userId, deadline));
  }

  private Future<JsonObject> leaseWhenReserved(Order order, String userId, long deadline) {
    Instant now = clock.instant();
    order.requirePayableBy(userId, now);
    return reservationShown(order).compose(shown -> {
      if (shown) {
        Instant until = now.plus(lease);
        return orders.lease(order, until).compose(leased -> leased ? Future.succeededFuture(reply(order, until))
            : reread(order, userId, deadline));
      }
      if (System.currentTimeMillis() >= deadline) {
        return Future.failedFuture(new Conflict("The order is not ready for payment yet; try again in a moment"));
      }
      Promise<Void> later = Promise.promise();
      vertx.setTimer(POLL_MILLIS, id -> later.complete());
      return later.future().compose(waited -> reread(order, userId, deadline));
    });
  }

  /** Whether the ticket shows this order's reservation: in our replica, or else at its owner. */
  private Future<Boolean> reservationShown(Order order) {
    String ticketId = order.ticket().id();
    return tickets.find(ticketId).compose(replica -> replica != null && replica.shownHeldBy(order.id())
        ? Future.succeededFuture(true)
        : owner.find(ticketId).map(current -> current != null && current.shownHeldBy(order.id())));
  }

  private Future<JsonObject> reread(Order order, String userId, long deadline) {
    return orders.find(order.id()).compose(current -> current == null
        ? Future.failedFuture(new NotFound("Order not found"))
        : leaseWhenReserved(current, userId, deadline));
  }

  private static JsonObject reply(Order order, Instant until) {
    return new JsonObject()
        .put("orderId", order.id())
        .put("userId", order.userId())
        .put("price", order.ticket().price())
        .put("expiresAt", order.expiresAt().toString())
        .put("version", order.version())
        .put("leaseUntil", until.toString());
  }
}
