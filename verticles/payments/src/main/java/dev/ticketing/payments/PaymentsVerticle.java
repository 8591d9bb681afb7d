package dev.ticketing.payments;

import dev.ticketing.contracts.commands.Command;
import dev.ticketing.contracts.commands.Service;
import dev.ticketing.payments.commands.CreatePaymentHandler;
import dev.ticketing.payments.commands.StripeEventHandler;
import dev.ticketing.payments.listeners.OrderCancelledListener;
import dev.ticketing.payments.listeners.OrderCompletedListener;
import dev.ticketing.payments.listeners.OrderCreatedListener;
import dev.ticketing.payments.reconcile.Reconciliation;
import dev.ticketing.payments.remote.OrdersClient;
import dev.ticketing.payments.settle.PaymentOutcomes;
import dev.ticketing.payments.settle.Refunds;
import dev.ticketing.payments.settle.Settlement;
import dev.ticketing.payments.store.OrderStore;
import dev.ticketing.payments.stripe.PaymentProvider;
import dev.ticketing.payments.stripe.StripePaymentProvider;
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
 * Payments: keeps a replica of orders from their events, charges them through Stripe (one
 * PaymentIntent per order, every step written down before money moves), announces PaymentCreated
 * through the outbox, refunds any payment whose order ends up cancelled, and reconciles what it
 * could not record with what Stripe says.
 */
public final class PaymentsVerticle extends VerticleBase {

  private final PaymentsConfig config;
  private final Function<Vertx, PaymentProvider> providers;
  private MongoClient mongo;
  private OutboxRelay relay;
  private Reconciliation reconciliation;

  /** Charges through Stripe as configured. */
  public PaymentsVerticle(PaymentsConfig config) {
    this(config, vertx -> new StripePaymentProvider(vertx, config.stripe()));
  }

  /** @param providers builds the payment provider on this verticle's Vert.x (it needs its worker threads) */
  public PaymentsVerticle(PaymentsConfig config, Function<Vertx, PaymentProvider> providers) {
    this.config = config;
    this.providers = providers;
  }

  @Override
  public Future<?> start() {
    PaymentOutcomes.register();
    Clock clock = Clock.systemUTC();
    mongo = Mongo.client(vertx, config.mongo());
    relay = new OutboxRelay(vertx, mongo, OrderStore.ORDERS, config.relay());
    OrderStore orders = new OrderStore(mongo, relay);
    PaymentProvider provider = providers.apply(vertx);
    Refunds refunds = new Refunds(orders, provider, clock);
    Settlement settlement = new Settlement(orders, refunds, clock);
    OrdersClient ordersService = new OrdersClient(vertx, config.ordersTimeoutMillis());
    reconciliation = new Reconciliation(vertx, orders, provider, settlement, refunds, config.sweepMillis(),
        config.reconcileAfterMillis());

    CommandBinder commands = new CommandBinder(vertx)
        .bind(Command.CREATE_PAYMENT, new CreatePaymentHandler(orders, provider, ordersService, refunds, settlement, relay,
            config.currency(), config.reconcileAfterMillis(), config.ordersTimeoutMillis(), clock))
        .bind(Command.STRIPE_EVENT, new StripeEventHandler(orders, settlement, clock));

    Future<Void> listening = Future.all(
        new OrderCreatedListener(orders).register(vertx),
        new OrderCancelledListener(orders, refunds).register(vertx),
        new OrderCompletedListener(orders).register(vertx)).mapEmpty();

    Health health = new Health(vertx).check("mongo", () -> Mongo.ping(mongo));

    return orders.createIndexes()
        .compose(indexed -> Future.all(commands.completion(), listening))
        .compose(registered -> relay.start())
        .onSuccess(relaying -> reconciliation.start())
        .compose(reconciling -> health.answerPings(Service.PAYMENTS))
        .compose(answering -> health.serve(config.managementPort(), relay));
  }

  @Override
  public Future<?> stop() {
    reconciliation.stop();
    // Deliveries in flight finish before the client closes; what is left stays in the outboxes.
    return relay.stop().compose(stopped -> mongo.close());
  }
}
