package dev.ticketing.payments;

import dev.ticketing.contracts.commands.Command;
import dev.ticketing.contracts.commands.Service;
import dev.ticketing.payments.commands.CreatePaymentHandler;
import dev.ticketing.payments.gateway.PaymentGateway;
import dev.ticketing.payments.gateway.StripePaymentGateway;
import dev.ticketing.payments.listeners.OrderCancelledListener;
import dev.ticketing.payments.listeners.OrderCreatedListener;
import dev.ticketing.payments.refunds.RefundSweep;
import dev.ticketing.payments.refunds.Refunds;
import dev.ticketing.payments.store.OrderStore;
import dev.ticketing.platform.commands.CommandBinder;
import dev.ticketing.platform.delivery.OutboxRelay;
import dev.ticketing.platform.health.Health;
import dev.ticketing.platform.mongo.Mongo;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.ext.mongo.MongoClient;
import java.time.Clock;
import java.util.function.Function;

/**
 * Payments: keeps a replica of orders from their events, charges them through Stripe, announces
 * PaymentCreated through the outbox, and refunds any payment whose order ends up cancelled.
 */
public final class PaymentsVerticle extends VerticleBase {

  private final PaymentsConfig config;
  private final Function<Vertx, PaymentGateway> gateways;
  private MongoClient mongo;
  private OutboxRelay relay;
  private RefundSweep sweep;

  /** Charges through Stripe as configured. */
  public PaymentsVerticle(PaymentsConfig config) {
    this(config, vertx -> new StripePaymentGateway(vertx, config.stripe()));
  }

  /** @param gateways builds the payment gateway on this verticle's Vert.x (it needs its worker threads) */
  public PaymentsVerticle(PaymentsConfig config, Function<Vertx, PaymentGateway> gateways) {
    this.config = config;
    this.gateways = gateways;
  }

  @Override
  public Future<?> start() {
    Clock clock = Clock.systemUTC();
    mongo = Mongo.client(vertx, config.mongo());
    OrderStore orders = new OrderStore(mongo);
    PaymentGateway gateway = gateways.apply(vertx);
    Refunds refunds = new Refunds(orders, gateway, clock);
    relay = new OutboxRelay(vertx, mongo, OrderStore.ORDERS, config.relay());

    CommandBinder commands = new CommandBinder(vertx)
        .bind(Command.CREATE_PAYMENT, new CreatePaymentHandler(orders, gateway, refunds, relay, config.currency(), clock));

    Future<Void> listening = Future.all(
        new OrderCreatedListener(orders).register(vertx),
        new OrderCancelledListener(orders, refunds).register(vertx)).mapEmpty();

    sweep = new RefundSweep(vertx, orders, refunds, config.refundSweepMillis());

    Health health = new Health(vertx).check("mongo", () -> Mongo.ping(mongo));

    return orders.createIndexes()
        .compose(indexed -> Future.all(commands.completion(), listening))
        .compose(registered -> relay.start())
        .compose(relaying -> sweep.start())
        .compose(sweeping -> health.answerPings(Service.PAYMENTS))
        .compose(answering -> health.serve(config.managementPort()));
  }

  @Override
  public Future<?> stop() {
    sweep.stop();
    // Deliveries in flight finish before the client closes; what is left stays in the outboxes.
    return relay.stop().compose(stopped -> mongo.close());
  }
}
