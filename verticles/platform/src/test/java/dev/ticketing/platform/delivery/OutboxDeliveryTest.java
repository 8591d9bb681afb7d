package dev.ticketing.platform.delivery;

import static dev.ticketing.platform.testing.Blocking.await;
import static dev.ticketing.platform.testing.Blocking.eventually;
import static dev.ticketing.platform.testing.Blocking.resultOrNull;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ticketing.contracts.events.ConsumerGroup;
import dev.ticketing.contracts.events.EventPayload;
import dev.ticketing.contracts.events.OrderCreated;
import dev.ticketing.contracts.events.Subject;
import dev.ticketing.contracts.events.TicketCreated;
import dev.ticketing.contracts.events.TicketUpdated;
import dev.ticketing.platform.mongo.Mongo;
import dev.ticketing.platform.testing.EmbeddedMongo;
import dev.ticketing.platform.testing.Refusals;
import dev.ticketing.platform.testing.TestCluster;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** The delivery layer's promises: nothing lost while a consumer is away, no double effect, no gap applied. */
@ExtendWith(VertxExtension.class)
class OutboxDeliveryTest {

  static final RelaySettings FAST = new RelaySettings(200, 2000, 20, 200, 100, 3, 5000);

  private EmbeddedMongo mongoServer;
  private final List<Vertx> members = new ArrayList<>();

  @BeforeEach
  void startMongo() {
    mongoServer = new EmbeddedMongo();
  }

  @AfterEach
  void stop() throws Exception {
    // Closed here, not in the test: a test that fails still leaves the cluster.
    for (Vertx member : members) {
      await(member.close());
    }
    mongoServer.close();
  }

  @Test
  @Timeout(value = 90, unit = TimeUnit.SECONDS)
  void anEventWrittenWhileItsConsumerIsDownIsDeliveredWhenItComesBack() throws Exception {
    TestCluster cluster = new TestCluster();
    Vertx producer = join(cluster);
    MongoClient producerDb = Mongo.client(producer, mongoServer.settings("producer"));
    OutboxRelay relay = new OutboxRelay(producer, producerDb, "tickets", FAST);
    await(relay.start());
    await(writeWithOutbox(producerDb, "tickets", "t1", new TicketCreated("t1", 0, "Opera", 4200, "u1")));
    relay.kick("t1");
    eventually("a failed delivery attempt", Duration.ofSeconds(30), () -> relay.failedAttempts() >= 2);

    // Only now does the consumer's member join the cluster and subscribe.
    Vertx consumer = join(cluster);
    MongoClient consumerDb = Mongo.client(consumer, mongoServer.settings("consumer"));
    TicketReplicaListeners listeners = new TicketReplicaListeners(consumerDb);
    await(listeners.register(consumer));

    eventually("delivery after the consumer returned", Duration.ofSeconds(30), () -> nothingPending(producerDb, "tickets", "t1"));
    JsonObject replica = await(consumerDb.findOne("ticket_replica", new JsonObject().put("_id", "t1"), null));
    assertEquals("Opera", replica.getString("title"));
    assertEquals(1, listeners.applied.get());
  }

  @Test
  void aWriteThatNobodyKickedIsFoundByTheSweep(Vertx vertx) throws Exception {
    MongoClient db = Mongo.client(vertx, mongoServer.settings("producer"));
    TicketReplicaListeners listeners = new TicketReplicaListeners(Mongo.client(vertx, mongoServer.settings("consumer")));
    OutboxRelay relay = new OutboxRelay(vertx, db, "tickets", FAST);
    await(listeners.register(vertx));
    await(relay.start());

    // As after a crash between the write and its delivery: the entry is there, no kick ever comes.
    await(writeWithOutbox(db, "tickets", "t9", new TicketCreated("t9", 0, "Choir", 700, "u1")));

    eventually("the sweep to deliver it", Duration.ofSeconds(10), () -> nothingPending(db, "tickets", "t9"));
    assertEquals(1, listeners.applied.get());
  }

  @Test
  void aDuplicateIsAcknowledgedWithoutASecondEffect(Vertx vertx) throws Exception {
    MongoClient db = Mongo.client(vertx, mongoServer.settings("consumer"));
    TicketReplicaListeners listeners = new TicketReplicaListeners(db);
    TicketCreated created = new TicketCreated("t2", 0, "Ballet", 1500, "u1");
    TicketUpdated renamed = new TicketUpdated("t2", 1, "Ballet (matinee)", 1500, "u1", null, false);
    await(listeners.register(vertx));
    await(send(vertx, created));
    await(send(vertx, renamed));

    assertEquals("DUPLICATE", await(send(vertx, created)).getString("outcome"));
    assertEquals("DUPLICATE", await(send(vertx, renamed)).getString("outcome"));

    JsonObject replica = await(db.findOne("ticket_replica", new JsonObject().put("_id", "t2"), null));
    assertEquals("Ballet (matinee)", replica.getString("title"));
    assertEquals(1L, replica.getLong("version"));
    assertEquals(2, listeners.applied.get());
  }

  @Test
  void anOutOfOrderEventIsRetriedUntilItsPredecessorHasBeenApplied(Vertx vertx) throws Exception {
    MongoClient producerDb = Mongo.client(vertx, mongoServer.settings("producer"));
    MongoClient consumerDb = Mongo.client(vertx, mongoServer.settings("consumer"));
    TicketReplicaListeners listeners = new TicketReplicaListeners(consumerDb);
    OutboxRelay relay = new OutboxRelay(vertx, producerDb, "outbox_docs", new RelaySettings(200, 2000, 20, 200, 100, 1000, 5000));
    await(listeners.register(vertx));

    ReplyException direct = await(Refusals.of(send(vertx, new TicketUpdated("t3", 1, "Jazz", 900, "u1", null, false))));
    assertEquals(EventListener.OUT_OF_ORDER, direct.failureCode(), "a gap is refused, not applied");

    // Two documents, so the relay has no order between them: the update is sent before the creation.
    await(writeWithOutbox(producerDb, "outbox_docs", "later", new TicketUpdated("t3", 1, "Jazz", 900, "u1", null, false)));
    relay.kick("later");
    eventually("the update to be refused", Duration.ofSeconds(10), () -> relay.failedAttempts() >= 1);
    await(writeWithOutbox(producerDb, "outbox_docs", "earlier", new TicketCreated("t3", 0, "Jaz", 900, "u1")));
    relay.kick("earlier");
    eventually("both outboxes to drain", Duration.ofSeconds(10),
        () -> nothingPending(producerDb, "outbox_docs", "later") && nothingPending(producerDb, "outbox_docs", "earlier"));

    JsonObject replica = await(consumerDb.findOne("ticket_replica", new JsonObject().put("_id", "t3"), null));
    assertEquals("Jazz", replica.getString("title"));
    assertEquals(1L, replica.getLong("version"));
    assertEquals(2, listeners.applied.get());
  }

  @Test
  void aGroupThatIsAwayCausesNoDuplicatesForTheOthers(Vertx vertx) throws Exception {
    MongoClient producerDb = Mongo.client(vertx, mongoServer.settings("producer"));
    OutboxRelay relay = new OutboxRelay(vertx, producerDb, "orders", FAST);
    AtomicInteger received = new AtomicInteger();
    // The tickets group answers slowly; payments and expiration (order:created goes to all three) are not running.
    await(vertx.eventBus().<JsonObject>consumer(created("o4").subject().address(ConsumerGroup.TICKETS), message -> {
      received.incrementAndGet();
      vertx.setTimer(150, id -> message.reply(new JsonObject()));
    }).completion());
    await(writeWithOutbox(producerDb, "orders", "o4", created("o4")));

    relay.kick("o4");

    eventually("the absent groups to be retried a few times", Duration.ofSeconds(10), () -> relay.failedAttempts() >= 5);
    assertEquals(1, received.get(), "the tickets group got its event once, while the other groups were retried");
  }

  @Test
  void anAcknowledgementCarriesTheConsumersReplyToWhoeverWaitsForIt(Vertx vertx) throws Exception {
    MongoClient db = Mongo.client(vertx, mongoServer.settings("producer"));
    OutboxRelay relay = new OutboxRelay(vertx, db, "tickets", FAST);
    TicketReplicaListeners listeners = new TicketReplicaListeners(Mongo.client(vertx, mongoServer.settings("consumer")));
    await(listeners.register(vertx));
    await(writeWithOutbox(db, "tickets", "t5", new TicketCreated("t5", 0, "Gala", 900, "u1")));

    Future<JsonObject> reply = relay.acknowledgement("t5", Subject.TICKET_CREATED, ConsumerGroup.ORDERS, 5000);
    relay.kick("t5");

    assertEquals("APPLIED", await(reply).getString("outcome"));
  }

  private static OrderCreated created(String id) {
    return new OrderCreated(id, 0, "created", "u1", Instant.parse("2030-01-01T00:00:00Z"), "t1", 100, 0);
  }

  @Test
  void aConsumerWhoseStoreIsAwayIsRetriedPastTheDeadLetterThresholdAndGetsTheEvent(Vertx vertx) throws Exception {
    MongoClient db = Mongo.client(vertx, mongoServer.settings("producer"));
    OutboxRelay relay = new OutboxRelay(vertx, db, "tickets", FAST);
    AtomicInteger storeAway = new AtomicInteger(FAST.deadLetterAfter() * 2);
    AtomicInteger applied = new AtomicInteger();
    // Its own database restarting: each attempt fails as a lost connection does, more often than FAST's dead-letter threshold.
    EventListener<TicketCreated> consumer = new EventListener<>(Subject.TICKET_CREATED, ConsumerGroup.ORDERS) {
      @Override
      protected Future<Outcome> apply(TicketCreated event) {
        if (storeAway.getAndDecrement() > 0) {
          return Future.failedFuture(new TimeoutException("the replica's database did not answer"));
        }
        applied.incrementAndGet();
        return Future.succeededFuture(Outcome.APPLIED);
      }
    };
    await(consumer.register(vertx));
    await(relay.start());
    await(writeWithOutbox(db, "tickets", "t7", new TicketCreated("t7", 0, "Recital", 800, "u1")));

    relay.kick("t7");

    eventually("delivery once the store is back", Duration.ofSeconds(30), () -> nothingPending(db, "tickets", "t7"));
    assertEquals(1, applied.get());
    assertEquals(List.of(), await(relay.deadLetters().list(10)), "an unavailable store is no reason to set the event aside");
  }

  static Future<String> writeWithOutbox(MongoClient db, String collection, String id, EventPayload... events) {
    return db.insert(collection, Outbox.attach(new JsonObject().put("_id", id), events));
  }

  /** Every entry delivered and the document out of the pending index; false also when Mongo did not answer. */
  static boolean nothingPending(MongoClient db, String collection, String id) {
    JsonObject document = resultOrNull(db.findOne(collection, new JsonObject().put("_id", id), null));
    return document != null && document.getJsonArray(Outbox.FIELD).isEmpty() && !document.containsKey(Outbox.PENDING);
  }

  private Vertx join(TestCluster cluster) throws Exception {
    Vertx member = await(cluster.join());
    members.add(member);
    return member;
  }

  private static Future<JsonObject> send(Vertx vertx, EventPayload event) {
    return vertx.eventBus().<JsonObject>request(event.subject().address(ConsumerGroup.ORDERS), event.toJson())
        .map(reply -> reply.body());
  }
}
