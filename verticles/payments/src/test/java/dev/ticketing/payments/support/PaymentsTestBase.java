package dev.ticketing.payments.support;

import com.stripe.StripeClient;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import dev.ticketing.contracts.commands.Command;
import dev.ticketing.contracts.commands.CommandHeaders;
import dev.ticketing.contracts.errors.ApiException;
import dev.ticketing.contracts.events.ConsumerGroup;
import dev.ticketing.contracts.events.EventPayload;
import dev.ticketing.contracts.events.OrderCancelled;
import dev.ticketing.contracts.events.OrderCreated;
import dev.ticketing.payments.PaymentsConfig;
import dev.ticketing.payments.PaymentsVerticle;
import dev.ticketing.payments.stripe.StripePaymentProvider;
import dev.ticketing.payments.stripe.StripeSettings;
import dev.ticketing.platform.delivery.RelaySettings;
import dev.ticketing.platform.mongo.Mongo;
import dev.ticketing.platform.testing.EmbeddedMongo;
import dev.ticketing.stripesandbox.SandboxSettings;
import dev.ticketing.stripesandbox.StripeSandbox;
import io.vertx.core.CompositeFuture;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The payments verticle against real stores: the Mongo wire server and the Stripe sandbox over
 * HTTP, driven through the event bus exactly as the gateway and the orders service drive it.
 */
@ExtendWith(VertxExtension.class)
public abstract class PaymentsTestBase {

  protected static final String BUYER = "64b000000000000000000001";
  protected static final String STRANGER = "64b000000000000000000002";
  protected static final String KEY = "sk_test_payments_tests";
  protected static final RelaySettings FAST_RELAY = new RelaySettings(200, 2000, 20, 200, 100, 5, 5000);

  protected EmbeddedMongo mongoServer;
  protected MongoClient db;
  protected StripeSandbox sandbox;
  protected StripeClient stripe;
  protected RecordingProvider provider;
  /** The orders service, as payments asks it and tells it. */
  protected final FakeOrders ordersService = new FakeOrders();
  /** PaymentCreated events as the orders service receives them. */
  protected final List<JsonObject> paymentsCreated = ordersService.paymentsCreated;

  /** Overridden to slow the sandbox down. */
  protected Duration stripeLatency() {
    return Duration.ZERO;
  }

  /** Overridden to point the service somewhere else than the sandbox. */
  protected String stripeBase() {
    return sandbox.baseUrl();
  }

  /** How often the reconciler and the refund sweep look; long by default, so a test drives them itself. */
  protected long sweepMillis() {
    return 60_000;
  }

  /** How long an attempt may stay open before the reconciler asks Stripe about it. */
  protected long reconcileAfterMillis() {
    return 20_000;
  }

  @BeforeEach
  void startService(Vertx vertx, VertxTestContext test) {
    mongoServer = new EmbeddedMongo();
    db = Mongo.client(vertx, mongoServer.settings("payments"));
    sandbox = new StripeSandbox(SandboxSettings.ephemeral().withLatency(stripeLatency()));
    vertx.deployVerticle(sandbox)
        .compose(sandboxUp -> {
          stripe = StripeClient.builder().setApiKey(KEY).setApiBase(sandbox.baseUrl()).build();
          StripeSettings service = new StripeSettings(KEY, Optional.of(stripeBase()), 5000, 0);
          PaymentsConfig config = new PaymentsConfig(mongoServer.settings("payments"), FAST_RELAY, service, "usd", 0,
              sweepMillis(), reconcileAfterMillis(), 2000);
          return ordersService.register(vertx).compose(orders -> vertx.deployVerticle(new PaymentsVerticle(config,
              v -> provider = new RecordingProvider(new StripePaymentProvider(v, service)))));
        })
        .onComplete(test.succeedingThenComplete());
  }

  @AfterEach
  void stop(Vertx vertx) throws Exception {
    // Vert.x first (undeploying the service and its timers), so nothing is still querying a closed Mongo.
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    mongoServer.close();
  }

  // ---- events, as the orders service's relay sends them

  protected static String newOrderId() {
    return new ObjectId().toHexString();
  }

  protected static OrderCreated order(String orderId, String userId, long price) {
    return new OrderCreated(orderId, 0, "created", userId, Instant.now().plusSeconds(900), new ObjectId().toHexString(),
        price, 0);
  }

  protected static Future<String> deliver(Vertx vertx, EventPayload event) {
    ConsumerGroup group = ConsumerGroup.PAYMENTS;
    return vertx.eventBus().<JsonObject>request(event.subject().address(group), event.toJson())
        .map(reply -> reply.body().getString("outcome"));
  }

  /** The failure code with which the listener refused the event. */
  protected static Future<Integer> refused(Future<?> delivery) {
    return delivery.<Integer>map(accepted -> {
      throw new AssertionError("expected the event to be refused, got " + accepted);
    }).recover(failure -> failure instanceof ReplyException reply
        ? Future.succeededFuture(reply.failureCode()) : Future.failedFuture(failure));
  }

  /** An order the orders service created, whose order:created payments has received. */
  protected Future<String> placeOrder(Vertx vertx, String userId, long price) {
    String orderId = newOrderId();
    OrderCreated created = order(orderId, userId, price);
    ordersService.place(orderId, userId, price, created.expiresAt());
    return deliver(vertx, created).map(applied -> orderId);
  }

  /** An order the orders service created a moment ago: its order:created has not reached payments yet. */
  protected String orderPaymentsHasNotHeardOf(String userId, long price) {
    String orderId = newOrderId();
    ordersService.place(orderId, userId, price, Instant.now().plusSeconds(900));
    return orderId;
  }

  /** The orders service cancels the order and tells payments. */
  protected Future<String> cancel(Vertx vertx, String orderId, long version) {
    ordersService.cancel(orderId);
    return deliver(vertx, new OrderCancelled(orderId, version, new ObjectId().toHexString()));
  }

  // ---- commands, as the gateway sends them

  protected static Future<JsonObject> pay(Vertx vertx, String userId, String orderId, String token) {
    DeliveryOptions options = new DeliveryOptions().addHeader(CommandHeaders.REQUEST_ID, "test-" + orderId);
    if (userId != null) {
      options.addHeader(CommandHeaders.USER_ID, userId);
    }
    JsonObject body = new JsonObject().put("orderId", orderId).put("token", token);
    return vertx.eventBus().<JsonObject>request(Command.CREATE_PAYMENT.address(), body, options).map(reply -> reply.body());
  }

  /** A verified Stripe webhook event, as the gateway hands it over. */
  protected static Future<JsonObject> stripeEvent(Vertx vertx, JsonObject event) {
    return vertx.eventBus().<JsonObject>request(Command.STRIPE_EVENT.address(), event).map(reply -> reply.body());
  }

  /** The API failure the gateway would answer with; fails the future if the command succeeded. */
  protected static Future<ApiException> payFailure(Vertx vertx, String userId, String orderId, String token) {
    return pay(vertx, userId, orderId, token).<ApiException>map(paid -> {
      throw new AssertionError("expected a failure, got " + paid);
    }).recover(failure -> failure instanceof ReplyException reply
        ? Future.succeededFuture(wire(reply)) : Future.failedFuture(failure));
  }

  protected static ApiException wire(ReplyException reply) {
    ApiException api = ApiException.fromWire(reply.failureCode(), reply.getMessage());
    return api != null ? api : new ApiException(reply.failureCode(), "unreadable: " + reply.getMessage());
  }

  /** Completes when both have completed, whichever way; the composite tells which succeeded. */
  protected static Future<CompositeFuture> bothSettled(Future<?> first, Future<?> second) {
    CompositeFuture both = Future.join(first, second);
    return both.transform(done -> Future.succeededFuture(both));
  }

  // ---- what is stored, here and at Stripe

  protected Future<JsonObject> stored(String orderId) {
    return db.findOne("orders", new JsonObject().put("_id", orderId), null);
  }

  protected Future<PaymentIntent> intent(Vertx vertx, String stripeId) {
    return vertx.executeBlocking(() -> stripe.v1().paymentIntents().retrieve(stripeId), false);
  }

  protected Future<Refund> refund(Vertx vertx, String refundId) {
    return vertx.executeBlocking(() -> stripe.v1().refunds().retrieve(refundId), false);
  }
}
