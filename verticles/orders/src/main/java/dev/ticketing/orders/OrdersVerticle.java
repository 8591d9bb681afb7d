package dev.ticketing.orders;

import dev.ticketing.contracts.commands.Command;
import dev.ticketing.contracts.commands.Service;
import dev.ticketing.orders.commands.CancelOrderHandler;
import dev.ticketing.orders.commands.CreateOrderHandler;
import dev.ticketing.orders.commands.LeasePaymentHandler;
import dev.ticketing.orders.commands.ListOrdersHandler;
import dev.ticketing.orders.commands.OrderReplies;
import dev.ticketing.orders.commands.ShowOrderHandler;
import dev.ticketing.orders.listeners.ExpirationCompleteListener;
import dev.ticketing.orders.expiry.ExpirySweep;
import dev.ticketing.orders.listeners.PaymentCreatedListener;
import dev.ticketing.orders.listeners.ReservationRefusedListener;
import dev.ticketing.orders.listeners.TicketCreatedListener;
import dev.ticketing.orders.listeners.TicketUpdatedListener;
import dev.ticketing.orders.remote.TicketsLookup;
import dev.ticketing.orders.store.OrderStore;
import dev.ticketing.orders.store.TicketReplicaStore;
import dev.ticketing.platform.commands.CommandBinder;
import dev.ticketing.platform.delivery.OutboxRelay;
import dev.ticketing.platform.health.Health;
import dev.ticketing.platform.mongo.Mongo;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.mongo.MongoClient;
import java.time.Clock;

/**
 * Orders: reserving tickets, cancelling, expiry and completion after payment. Ticket exclusivity
 * and the per-user cap are enforced by unique indexes in our own database; every change reaches
 * the other services through the orders' outbox.
 */
public final class OrdersVerticle extends VerticleBase {

  private final OrdersConfig config;
  private final Clock clock;
  private MongoClient mongo;
  private OutboxRelay relay;
  private ExpirySweep expirySweep;
  private HttpServer management;

  public OrdersVerticle(OrdersConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  public OrdersVerticle(OrdersConfig config) {
    this(config, Clock.systemUTC());
  }

  /** The management server's actual port (useful when configured as 0). */
  public int managementPort() {
    return management.actualPort();
  }

  @Override
  public Future<?> start() {
    mongo = Mongo.client(vertx, config.mongo());
    relay = new OutboxRelay(vertx, mongo, "orders", config.relay());
    OrderStore orders = new OrderStore(mongo, relay, config.expiryGrace());
    TicketReplicaStore tickets = new TicketReplicaStore(mongo);
    OrderReplies replies = new OrderReplies(tickets);
    expirySweep = new ExpirySweep(vertx, orders, clock, config.expirySweepMillis());

    Health health = new Health(vertx).check("mongo", () -> Mongo.ping(mongo));

    // Indexes before the first command: without them two racing reservations could hold one ticket.
    return orders.createIndexes()
        .compose(indexed -> tickets.createIndexes())
        .compose(indexed -> answerCommands(orders, tickets, replies))
        .compose(answering -> listen(orders, tickets))
        .compose(listening -> relay.start())
        .onSuccess(relaying -> expirySweep.start())
        .compose(sweeping -> health.answerPings(Service.ORDERS))
        .compose(ready -> health.serve(config.managementPort(), relay))
        .onSuccess(server -> management = server);
  }

  private Future<Void> answerCommands(OrderStore orders, TicketReplicaStore tickets, OrderReplies replies) {
    return new CommandBinder(vertx)
        .bind(Command.CREATE_ORDER, new CreateOrderHandler(orders, tickets,
            new TicketsLookup(vertx, config.replicaWait()), clock, config.orderExpiration(), config.maxActiveHolds()))
        .bind(Command.LEASE_PAYMENT, new LeasePaymentHandler(vertx, orders, tickets,
            new TicketsLookup(vertx, config.replicaWait()), clock, config.paymentLease(), config.replicaWait()))
        .bind(Command.LIST_ORDERS, new ListOrdersHandler(orders, replies))
        .bind(Command.SHOW_ORDER, new ShowOrderHandler(orders, replies))
        .bind(Command.CANCEL_ORDER, new CancelOrderHandler(orders))
        .completion();
  }

  private Future<Void> listen(OrderStore orders, TicketReplicaStore tickets) {
    return Future.all(
        new TicketCreatedListener(tickets).register(vertx),
        new TicketUpdatedListener(tickets, orders).register(vertx),
        new ExpirationCompleteListener(orders, clock).register(vertx),
        new PaymentCreatedListener(orders).register(vertx),
        new ReservationRefusedListener(orders).register(vertx)).mapEmpty();
  }

  @Override
  public Future<?> stop() {
    // Deliveries in flight finish before the client closes; what is left stays in the outboxes.
    expirySweep.stop();
    return relay.stop().compose(stopped -> mongo.close());
  }
}
