package dev.ticketing.payments.support;

import static dev.ticketing.platform.testing.Blocking.await;
import static dev.ticketing.platform.testing.Blocking.eventually;
import static dev.ticketing.platform.testing.Blocking.resultOrNull;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
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
import dev.ticketing.platform.testing.Refusals;
import dev.ticketing.stripesandbox.SandboxSettings;
import dev.ticketing.stripesandbox.StripeSandbox;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The payments verticle against real stores: the Mongo wire server and the Stripe sandbox over
 * HTTP, driven through the event bus exactly as the gateway and the orders service drive it.
 * The steps block on the JUnit thread (never call them from an event loop), so a test reads as
 * arrange, act, assert; the few that return a future are for requests a test runs at once.
 */
@ExtendWith(VertxExtension.class)
public abstract class PaymentsTestBase {

  protected static final String BUYER = "64b000000000000000000001";
  protected static final String STRANGER = "64b000000000000000000002";
  private static final String STRIPE_KEY = "sk_test_payments_tests";

  /** The orders service, as payments asks it and tells it. */
  protected final FakeOrders ordersService = new FakeOrders();
  /** PaymentCreated events as the orders service receives them. */
  protected final List<JsonObject> paymentsCreated = ordersService.paymentsCreated;
  /** What reached Stripe, and where a test places a crash, a race or an outage. */
  protected RecordingProvider provider;
  /** Stripe's own API on the sandbox, to read what Stripe holds whatever the service recorded. */
  protected StripeClient stripe;
  private Vertx vertx;
  private EmbeddedMongo mongoServer;
  private MongoClient db;
  private StripeSandbox sandbox;

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
  void startService(Vertx vertx) throws Exception {
    this.vertx = vertx;
    mongoServer = new EmbeddedMongo();
    db = Mongo.client(vertx, mongoServer.settings("payments"));
    sandbox = new StripeSandbox(SandboxSettings.ephemeral().withLatency(stripeLatency()));
    await(vertx.deployVerticle(sandbox));
    stripe = StripeClient.builder().setApiKey(STRIPE_KEY).setApiBase(sandbox.baseUrl()).build();
    StripeSettings service = new StripeSettings(STRIPE_KEY, Optional.of(stripeBase()), 5000, 0);
    await(ordersService.register(vertx));
    await(vertx.deployVerticle(new PaymentsVerticle(config(service),
        v -> provider = new RecordingProvider(new StripePaymentProvider(v, service)))));
  }

  /** The service's settings in a test: a relay that retries within a test's patience, sweeps as the test says. */
  private PaymentsConfig config(StripeSettings service) {
    RelaySettings fastRelay = new RelaySettings(200, 2000, 20, 200, 100, 5, 5000);
    return new PaymentsConfig(mongoServer.settings("payments"), fastRelay, service, "usd", 0, sweepMillis(),
        reconcileAfterMillis(), 2000);
  }

  @AfterEach
  void stop() throws Exception {
    // Vert.x first (undeploying the service and its timers), so nothing is still querying a closed Mongo.
    await(vertx.close());
    mongoServer.close();
  }

  // ---- events, as the orders service's relay sends them

  protected static String newOrderId() {
    return new ObjectId().toHexString();
  }

  protected static OrderCreated order(String orderId, String userId, long price) {
    return order(orderId, userId, price, expiryOfAnOrderPlacedNow());
  }

  private static OrderCreated order(String orderId, String userId, long price, Instant expiresAt) {
    return new OrderCreated(orderId, 0, "created", userId, expiresAt, new ObjectId().toHexString(), price, 0);
  }

  /** Delivers an event to the payments group; the outcome it was acknowledged with (APPLIED, DUPLICATE...). */
  protected String deliver(EventPayload event) throws Exception {
    return await(delivering(event));
  }

  /** Delivers an event payments must refuse; the failure code, which tells the relay whether to redeliver. */
  protected int deliverRefused(EventPayload event) throws Exception {
    return await(Refusals.code(delivering(event)));
  }

  private Future<String> delivering(EventPayload event) {
    return vertx.eventBus().<JsonObject>request(event.subject().address(ConsumerGroup.PAYMENTS), event.toJson())
        .map(reply -> reply.body().getString("outcome"));
  }

  protected String placeOrder(String userId, long price) throws Exception {
    return placeOrder(userId, price, expiryOfAnOrderPlacedNow());
  }

  /** The same, for an order that expires at {@code expiresAt}: a past instant makes it an expired one. */
  protected String placeOrder(String userId, long price, Instant expiresAt) throws Exception {
    String orderId = newOrderId();
    ordersService.place(orderId, userId, price, expiresAt);
    deliver(order(orderId, userId, price, expiresAt));
    return orderId;
  }

  /** An order the orders service created a moment ago: its order:created has not reached payments yet. */
  protected String orderPaymentsHasNotHeardOf(String userId, long price) {
    String orderId = newOrderId();
    ordersService.place(orderId, userId, price, expiryOfAnOrderPlacedNow());
    return orderId;
  }

  /** When an order placed now expires: the orders service gives a buyer 15 minutes to pay. */
  private static Instant expiryOfAnOrderPlacedNow() {
    return Instant.now().plusSeconds(900);
  }

  /** The orders service cancels the order and tells payments; the outcome payments acknowledged. */
  protected String cancel(String orderId, long version) throws Exception {
    return await(cancelling(orderId, version));
  }

  /** {@link #cancel} without waiting: for a step that runs on the event loop, such as a provider hook. */
  protected Future<String> cancelling(String orderId, long version) {
    ordersService.cancel(orderId);
    return delivering(cancellation(orderId, version));
  }

  /** The orders service cancels the order and payments refuses the news; the failure code. */
  protected int cancelRefused(String orderId, long version) throws Exception {
    ordersService.cancel(orderId);
    return deliverRefused(cancellation(orderId, version));
  }

  private static OrderCancelled cancellation(String orderId, long version) {
    return new OrderCancelled(orderId, version, new ObjectId().toHexString());
  }

  // ---- commands, as the gateway sends them

  /** Pays the order; the payment {id, orderId, stripeId}, or an ExecutionException when it was refused. */
  protected JsonObject pay(String userId, String orderId, String token) throws Exception {
    return await(paying(userId, orderId, token));
  }

  /** The API failure the gateway would answer with; an AssertionError when the payment succeeded. */
  protected ApiException payFailure(String userId, String orderId, String token) throws Exception {
    PaymentAnswer answer = attemptPayment(userId, orderId, token);
    if (answer.paid()) {
      throw new AssertionError("expected a failure, got " + answer.payment());
    }
    return answer.refusal();
  }

  /** Pays the order when either outcome is right: the payment or the refusal. */
  protected PaymentAnswer attemptPayment(String userId, String orderId, String token) throws Exception {
    return answerOf(paying(userId, orderId, token));
  }

  /** Two payment requests sent together, as a double click sends them; their answers, in sending order. */
  protected List<PaymentAnswer> payTwiceAtOnce(String userId, String orderId, String firstToken, String secondToken)
      throws Exception {
    Future<JsonObject> first = paying(userId, orderId, firstToken);
    Future<JsonObject> second = paying(userId, orderId, secondToken);
    return List.of(answerOf(first), answerOf(second));
  }

  private Future<JsonObject> paying(String userId, String orderId, String token) {
    DeliveryOptions options = new DeliveryOptions().addHeader(CommandHeaders.REQUEST_ID, "test-" + orderId);
    if (userId != null) {
      options.addHeader(CommandHeaders.USER_ID, userId);
    }
    JsonObject body = new JsonObject().put("orderId", orderId).put("token", token);
    return vertx.eventBus().<JsonObject>request(Command.CREATE_PAYMENT.address(), body, options).map(reply -> reply.body());
  }

  private static PaymentAnswer answerOf(Future<JsonObject> payment) throws Exception {
    return await(payment.map(PaymentAnswer::answeredWith)
        .recover(refused -> Refusals.of(payment).map(reply -> PaymentAnswer.refusedWith(asApiError(reply)))));
  }

  /** The refusal as the gateway reads it; one that carries no API error (a 500) keeps its code, so tests can see it. */
  private static ApiException asApiError(ReplyException reply) {
    ApiException api = ApiException.fromWire(reply.failureCode(), reply.getMessage());
    return api != null ? api : new ApiException(reply.failureCode(), "unreadable: " + reply.getMessage());
  }


  /** A verified Stripe webhook event, as the gateway hands it over; the service's reply. */
  protected JsonObject stripeEvent(JsonObject event) throws Exception {
    return await(vertx.eventBus().<JsonObject>request(Command.STRIPE_EVENT.address(), event).map(reply -> reply.body()));
  }

  // ---- what is stored, here and at Stripe

  /** The order's document in payments' replica; null when there is none. */
  protected JsonObject stored(String orderId) throws Exception {
    return await(storedOrder(orderId));
  }

  /** Waits until the order's document satisfies {@code condition}, which the service's background work brings about. */
  protected void eventuallyStored(String orderId, String what, Duration limit, Predicate<JsonObject> condition)
      throws InterruptedException {
    eventually(what, limit, () -> {
      JsonObject order = resultOrNull(storedOrder(orderId));
      return order != null && condition.test(order);
    });
  }

  private Future<JsonObject> storedOrder(String orderId) {
    return db.findOne("orders", new JsonObject().put("_id", orderId), null);
  }

  protected PaymentIntent intent(String stripeId) throws StripeException {
    return stripe.v1().paymentIntents().retrieve(stripeId);
  }

  /** The intent that the payment recorded on the order charged, as Stripe holds it. */
  protected PaymentIntent paidIntent(String orderId) throws Exception {
    return intent(stored(orderId).getJsonObject("payment").getString("stripeId"));
  }

  protected Refund refund(String refundId) throws StripeException {
    return stripe.v1().refunds().retrieve(refundId);
  }

  /** The refund recorded on the order, as Stripe holds it. */
  protected Refund recordedRefund(String orderId) throws Exception {
    return refund(stored(orderId).getJsonObject("refund").getString("id"));
  }
}
