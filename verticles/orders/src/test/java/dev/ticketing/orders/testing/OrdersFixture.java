package dev.ticketing.orders.testing;

import dev.ticketing.contracts.commands.Command;
import dev.ticketing.contracts.commands.CommandHeaders;
import dev.ticketing.contracts.errors.ApiException;
import dev.ticketing.contracts.events.ConsumerGroup;
import dev.ticketing.contracts.events.EventPayload;
import dev.ticketing.contracts.events.TicketCreated;
import dev.ticketing.contracts.events.TicketUpdated;
import dev.ticketing.orders.OrdersConfig;
import dev.ticketing.orders.OrdersVerticle;
import dev.ticketing.platform.delivery.Outbox;
import dev.ticketing.platform.delivery.RelaySettings;
import dev.ticketing.platform.mongo.Mongo;
import dev.ticketing.platform.testing.Blocking;
import dev.ticketing.platform.testing.EmbeddedMongo;
import dev.ticketing.platform.testing.Eventually;
import dev.ticketing.platform.testing.Refusals;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.time.Duration;
import java.time.Instant;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One orders verticle on its own Vert.x, against a fresh in-memory Mongo wire server, with a
 * hand-moved clock and a recorder standing in for the consumers of our events. Talks to the
 * verticle exactly as the gateway and the other services do: over the event bus. Register it as a
 * JUnit extension, saying what a test starts from:
 * <pre>
 *   &#64;RegisterExtension final OrdersFixture orders = OrdersFixture.started();         // no orders yet
 *   &#64;RegisterExtension final OrdersFixture orders = OrdersFixture.holdingATicket();  // one order holds a ticket
 * </pre>
 * It starts before each test's {@code @BeforeEach} methods and stops everything after the test.
 * {@link #buyer} and {@link #seller} are fresh users of each test.
 */
public final class OrdersFixture implements BeforeEachCallback, AfterEachCallback {

  public static final Duration WINDOW = Duration.ofSeconds(900);
  public static final Instant START = Instant.parse("2026-11-22T10:00:00.123456Z");
  public static final Duration GRACE = Duration.ofSeconds(10);
  public static final Duration LEASE = Duration.ofSeconds(30);
  private static final int DEFAULT_MAX_HOLDS = 10;
  private static final RelaySettings FAST_RELAY = new RelaySettings(200, 2000, 20, 200, 100, 5, 5000);

  public final TestClock clock = new TestClock(START);
  public final EventRecorder events = new EventRecorder();
  public final String buyer = newId();
  public final String seller = newId();
  private final EmbeddedMongo mongoServer = new EmbeddedMongo();
  private final int maxHolds;
  private final boolean holding;
  private Vertx vertx;
  private MongoClient db;
  private OrdersConfig config;
  private OrdersVerticle verticle;
  private String deployment;
  private HeldTicket held;

  private OrdersFixture(int maxHolds, boolean holding) {
    this.maxHolds = maxHolds;
    this.holding = holding;
  }

  /** The service running with no tickets or orders yet. */
  public static OrdersFixture started() {
    return started(DEFAULT_MAX_HOLDS);
  }

  /** The service running, allowing {@code maxHolds} unpaid orders per user. */
  public static OrdersFixture started(int maxHolds) {
    return new OrdersFixture(maxHolds, false);
  }

  /** The service running with one ticket of {@link #seller}'s held by an order of {@link #buyer}'s. */
  public static OrdersFixture holdingATicket() {
    return holdingATicket(DEFAULT_MAX_HOLDS);
  }

  public static OrdersFixture holdingATicket(int maxHolds) {
    return new OrdersFixture(maxHolds, true);
  }

  /** A ticket someone listed and the order placed on it. */
  private record HeldTicket(String ticketId, String orderId) {
  }

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    vertx = Vertx.vertx();
    db = Mongo.client(vertx, mongoServer.settings("orders"));
    // The expiry safety net looks every 50 ms, so tests see it act as soon as they move the clock.
    config = new OrdersConfig(mongoServer.settings("orders"), FAST_RELAY, WINDOW, maxHolds, 0, GRACE, 50,
        LEASE, Duration.ofMillis(1_500));
    Blocking.await(events.register(vertx).compose(registered -> deploy()));
    if (holding) {
      String ticketId = Blocking.await(listTicket("Opera", 2000, seller));
      held = new HeldTicket(ticketId, Blocking.await(createOrder(buyer, ticketId)).getString("id"));
    }
  }

  /** Stops the service, its database and its Vert.x after each test, on the test thread (it blocks). */
  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    try {
      if (deployment != null) {
        Blocking.await(vertx.undeploy(deployment));
      }
      if (db != null) {
        Blocking.await(db.close());
      }
      if (vertx != null) {
        Blocking.await(vertx.close());
      }
    } finally {
      mongoServer.close();
    }
  }

  /** Stops the service and starts a new one on the same database, as a restart after an upgrade does. */
  public Future<Void> restart() {
    return vertx.undeploy(deployment).compose(undeployed -> deploy());
  }

  private Future<Void> deploy() {
    verticle = new OrdersVerticle(config, clock);
    return vertx.deployVerticle(verticle).onSuccess(id -> deployment = id).mapEmpty();
  }

  /** The held ticket of {@link #holdingATicket()}. */
  public String ticketId() {
    return heldTicket().ticketId();
  }

  /** The order of {@link #buyer}'s that holds the ticket of {@link #holdingATicket()}. */
  public String orderId() {
    return heldTicket().orderId();
  }

  private HeldTicket heldTicket() {
    if (held == null) {
      throw new IllegalStateException("this fixture holds no ticket: register OrdersFixture.holdingATicket()");
    }
    return held;
  }

  public Vertx vertx() {
    return vertx;
  }

  public OrdersVerticle verticle() {
    return verticle;
  }

  /** Direct access to the orders database, for assertions on what is stored. */
  public MongoClient db() {
    return db;
  }

  public static String newId() {
    return new ObjectId().toHexString();
  }

  /** A ticket the tickets service listed, as our listener receives it; returns its id. */
  public Future<String> listTicket(String title, long priceCents, String sellerId) {
    String id = newId();
    return publish(new TicketCreated(id, 0, title, priceCents, sellerId)).map(reply -> id);
  }

  /** The tickets service's news that it reserved {@code ticketId} (now at {@code version}) for {@code orderId}. */
  public Future<JsonObject> reservationShown(String ticketId, long version, String orderId, String sellerId) {
    return publish(new TicketUpdated(ticketId, version, "Opera", 2000, sellerId, orderId, false));
  }

  public Future<JsonObject> leasePayment(String userId, String orderId) {
    return command(Command.LEASE_PAYMENT, userId, new JsonObject().put("orderId", orderId));
  }

  /** Sends an event to the orders consumer group as the relay of its producer would; the reply body. */
  public Future<JsonObject> publish(EventPayload event) {
    return vertx.eventBus().<JsonObject>request(event.subject().address(ConsumerGroup.ORDERS), event.toJson())
        .map(reply -> reply.body());
  }

  /** The failure code when the listener refused {@code event}; fails the future if it was accepted. */
  public Future<Integer> refusedCode(EventPayload event) {
    return Refusals.code(publish(event));
  }

  /** Sends a command as the gateway does, on behalf of {@code userId} (null: signed out). */
  public <T> Future<T> command(Command command, String userId, JsonObject body) {
    DeliveryOptions options = new DeliveryOptions().addHeader(CommandHeaders.REQUEST_ID, "test-" + newId());
    if (userId != null) {
      options.addHeader(CommandHeaders.USER_ID, userId).addHeader(CommandHeaders.USER_EMAIL, userId + "@example.com");
    }
    return vertx.eventBus().<T>request(command.address(), body, options).map(reply -> reply.body());
  }

  /** The typed error a command failed with, as the gateway would rebuild it; fails if the command succeeded. */
  public Future<ApiException> refusal(Command command, String userId, JsonObject body) {
    return Refusals.apiError(command(command, userId, body));
  }

  /** "status first-message" of a failed command, for comparing many outcomes at once. */
  public static String describe(Throwable failure) {
    if (failure instanceof ReplyException reply) {
      ApiException api = ApiException.fromWire(reply.failureCode(), reply.getMessage());
      return reply.failureCode() + " " + (api == null ? reply.getMessage() : api.errors().get(0).message());
    }
    return failure.toString();
  }

  public Future<JsonObject> createOrder(String userId, String ticketId) {
    return command(Command.CREATE_ORDER, userId, new JsonObject().put("ticketId", ticketId));
  }

  public Future<JsonObject> showOrder(String userId, String orderId) {
    return command(Command.SHOW_ORDER, userId, new JsonObject().put("id", orderId));
  }

  public Future<JsonObject> cancelOrder(String userId, String orderId) {
    return command(Command.CANCEL_ORDER, userId, new JsonObject().put("id", orderId));
  }

  /** The stored document of an order. */
  public Future<JsonObject> stored(String orderId) {
    return db.findOne("orders", new JsonObject().put("_id", orderId), null);
  }

  /** Waits until every event of the order has been acknowledged by every consumer group. */
  public Future<Void> delivered(String orderId) {
    return Eventually.await(vertx, 10_000, "the outbox of order " + orderId + " to drain",
        () -> stored(orderId).map(document -> document.getJsonArray(Outbox.FIELD).isEmpty()));
  }
}
