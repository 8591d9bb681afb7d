package dev.ticketing.platform.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ticketing.contracts.events.ConsumerGroup;
import dev.ticketing.contracts.events.EventPayload;
import dev.ticketing.contracts.events.OrderCreated;
import dev.ticketing.contracts.events.TicketCreated;
import dev.ticketing.contracts.events.TicketUpdated;
import dev.ticketing.platform.mongo.Mongo;
import dev.ticketing.platform.testing.EmbeddedMongo;
import dev.ticketing.platform.testing.Eventually;
import dev.ticketing.platform.testing.TestCluster;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
    // Closed here, not in the test's future chain: that chain runs on these members' event loops.
    for (Vertx member : members) {
      member.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
    mongoServer.close();
  }

  @Test
  @Timeout(value = 90, timeUnit = TimeUnit.SECONDS)
  void anEventWrittenWhileItsConsumerIsDownIsDeliveredWhenItComesBack(VertxTestContext test) {
    TestCluster cluster = new TestCluster();
    cluster.join().onSuccess(members::add).compose(producer -> {
      MongoClient producerDb = Mongo.client(producer, mongoServer.settings("producer"));
      OutboxRelay relay = new OutboxRelay(producer, producerDb, "tickets", FAST);
      return relay.start()
          .compose(started -> writeWithOutbox(producerDb, "tickets", "t1", new TicketCreated("t1", 0, "Opera", 4200, "u1")))
          .compose(written -> {
            relay.kick("t1");
            return Eventually.await(producer, 30_000, "a failed delivery attempt",
                () -> Future.succeededFuture(relay.failedAttempts() >= 2));
          })
          // Only now does the consumer's member join the cluster and subscribe.
          .compose(failedWhileAway -> cluster.join().onSuccess(members::add))
          .compose(consumer -> {
            TicketReplicaListeners listeners = new TicketReplicaListeners(Mongo.client(consumer, mongoServer.settings("consumer")));
            return listeners.register(consumer)
                .compose(registered -> Eventually.await(producer, 30_000, "delivery after the consumer returned",
                    () -> nothingPending(producerDb, "tickets", "t1")))
                .compose(delivered -> Mongo.client(consumer, mongoServer.settings("consumer"))
                    .findOne("ticket_replica", new JsonObject().put("_id", "t1"), null))
                .onSuccess(replica -> test.verify(() -> {
                  assertEquals("Opera", replica.getString("title"));
                  assertEquals(1, listeners.applied.get());
                }));
          });
    }).onComplete(test.succeedingThenComplete());
  }

  @Test
  void aWriteThatNobodyKickedIsFoundByTheSweep(Vertx vertx, VertxTestContext test) {
    MongoClient db = Mongo.client(vertx, mongoServer.settings("producer"));
    TicketReplicaListeners listeners = new TicketReplicaListeners(Mongo.client(vertx, mongoServer.settings("consumer")));
    OutboxRelay relay = new OutboxRelay(vertx, db, "tickets", FAST);
    // As after a crash between the write and its delivery: the entry is there, no kick ever comes.
    listeners.register(vertx)
        .compose(registered -> relay.start())
        .compose(started -> writeWithOutbox(db, "tickets", "t9", new TicketCreated("t9", 0, "Choir", 700, "u1")))
        .compose(written -> Eventually.await(vertx, 10_000, "the sweep to deliver it", () -> nothingPending(db, "tickets", "t9")))
        .onComplete(test.succeeding(delivered -> test.verify(() -> {
          assertEquals(1, listeners.applied.get());
          test.completeNow();
        })));
  }

  @Test
  void aDuplicateIsAcknowledgedWithoutASecondEffect(Vertx vertx, VertxTestContext test) {
    MongoClient db = Mongo.client(vertx, mongoServer.settings("consumer"));
    TicketReplicaListeners listeners = new TicketReplicaListeners(db);
    TicketCreated created = new TicketCreated("t2", 0, "Ballet", 1500, "u1");
    TicketUpdated renamed = new TicketUpdated("t2", 1, "Ballet (matinee)", 1500, "u1", null, false);
    listeners.register(vertx)
        .compose(registered -> send(vertx, created))
        .compose(first -> send(vertx, renamed))
        .compose(second -> send(vertx, created))
        .compose(again -> {
          test.verify(() -> assertEquals("DUPLICATE", again.getString("outcome")));
          return send(vertx, renamed);
        })
        .compose(again -> {
          test.verify(() -> assertEquals("DUPLICATE", again.getString("outcome")));
          return db.findOne("ticket_replica", new JsonObject().put("_id", "t2"), null);
        })
        .onComplete(test.succeeding(replica -> test.verify(() -> {
          assertEquals("Ballet (matinee)", replica.getString("title"));
          assertEquals(1L, replica.getLong("version"));
          assertEquals(2, listeners.applied.get());
          test.completeNow();
        })));
  }

  @Test
  void anOutOfOrderEventIsRetriedUntilItsPredecessorHasBeenApplied(Vertx vertx, VertxTestContext test) {
    MongoClient producerDb = Mongo.client(vertx, mongoServer.settings("producer"));
    MongoClient consumerDb = Mongo.client(vertx, mongoServer.settings("consumer"));
    TicketReplicaListeners listeners = new TicketReplicaListeners(consumerDb);
    OutboxRelay relay = new OutboxRelay(vertx, producerDb, "outbox_docs", new RelaySettings(200, 2000, 20, 200, 100, 1000, 5000));
    // Two documents, so the relay has no order between them: the update is sent before the creation.
    listeners.register(vertx)
        .compose(registered -> send(vertx, new TicketUpdated("t3", 1, "Jazz", 900, "u1", null, false))
            .map(reply -> "accepted").recover(refused -> Future.succeededFuture(
                ((ReplyException) refused).failureCode() == EventListener.OUT_OF_ORDER ? "refused" : "other")))
        .compose(direct -> {
          test.verify(() -> assertEquals("refused", direct, "a gap is refused, not applied"));
          return writeWithOutbox(producerDb, "outbox_docs", "later", new TicketUpdated("t3", 1, "Jazz", 900, "u1", null, false));
        })
        .compose(written -> {
          relay.kick("later");
          return Eventually.await(vertx, 10_000, "the update to be refused", () -> Future.succeededFuture(relay.failedAttempts() >= 1));
        })
        .compose(refused -> writeWithOutbox(producerDb, "outbox_docs", "earlier", new TicketCreated("t3", 0, "Jaz", 900, "u1")))
        .compose(written -> {
          relay.kick("earlier");
          return Eventually.await(vertx, 10_000, "both outboxes to drain",
              () -> Future.all(nothingPending(producerDb, "outbox_docs", "later"), nothingPending(producerDb, "outbox_docs", "earlier"))
                  .map(all -> all.<Boolean>resultAt(0) && all.<Boolean>resultAt(1)));
        })
        .compose(drained -> consumerDb.findOne("ticket_replica", new JsonObject().put("_id", "t3"), null))
        .onComplete(test.succeeding(replica -> test.verify(() -> {
          assertEquals("Jazz", replica.getString("title"));
          assertEquals(1L, replica.getLong("version"));
          assertEquals(2, listeners.applied.get());
          test.completeNow();
        })));
  }

  @Test
  void aGroupThatIsAwayCausesNoDuplicatesForTheOthers(Vertx vertx, VertxTestContext test) {
    MongoClient producerDb = Mongo.client(vertx, mongoServer.settings("producer"));
    OutboxRelay relay = new OutboxRelay(vertx, producerDb, "orders", FAST);
    AtomicInteger received = new AtomicInteger();
    // The tickets group answers slowly; payments and expiration (order:created goes to all three) are not running.
    vertx.eventBus().<JsonObject>consumer(created("o4").subject().address(ConsumerGroup.TICKETS), message -> {
      received.incrementAndGet();
      vertx.setTimer(150, id -> message.reply(new JsonObject()));
    }).completion()
        .compose(listening -> writeWithOutbox(producerDb, "orders", "o4", created("o4")))
        .compose(written -> {
          relay.kick("o4");
          return Eventually.await(vertx, 10_000, "the absent groups to be retried a few times",
              () -> Future.succeededFuture(relay.failedAttempts() >= 5));
        })
        .onComplete(test.succeeding(retried -> test.verify(() -> {
          assertEquals(1, received.get(), "the tickets group got its event once, while the other groups were retried");
          test.completeNow();
        })));
  }

  @Test
  void anAcknowledgementCarriesTheConsumersReplyToWhoeverWaitsForIt(Vertx vertx, VertxTestContext test) {
    MongoClient db = Mongo.client(vertx, mongoServer.settings("producer"));
    OutboxRelay relay = new OutboxRelay(vertx, db, "tickets", FAST);
    TicketReplicaListeners listeners = new TicketReplicaListeners(Mongo.client(vertx, mongoServer.settings("consumer")));
    listeners.register(vertx)
        .compose(registered -> writeWithOutbox(db, "tickets", "t5", new TicketCreated("t5", 0, "Gala", 900, "u1")))
        .compose(written -> {
          Future<JsonObject> reply = relay.acknowledgement("t5", dev.ticketing.contracts.events.Subject.TICKET_CREATED,
              ConsumerGroup.ORDERS, 5000);
          relay.kick("t5");
          return reply;
        })
        .onComplete(test.succeeding(reply -> test.verify(() -> {
          assertEquals("APPLIED", reply.getString("outcome"));
          test.completeNow();
        })));
  }

  private static OrderCreated created(String id) {
    return new OrderCreated(id, 0, "created", "u1", Instant.parse("2030-01-01T00:00:00Z"), "t1", 100, 0);
  }

  @Test
  void aConsumerWhoseStoreIsAwayIsRetriedPastTheDeadLetterThresholdAndGetsTheEvent(Vertx vertx, VertxTestContext test) {
    MongoClient db = Mongo.client(vertx, mongoServer.settings("producer"));
    OutboxRelay relay = new OutboxRelay(vertx, db, "tickets", FAST);
    AtomicInteger storeAway = new AtomicInteger(FAST.deadLetterAfter() * 2);
    AtomicInteger applied = new AtomicInteger();
    // Its own database restarting: each attempt fails as a lost connection does, more often than FAST's dead-letter threshold.
    EventListener<TicketCreated> consumer = new EventListener<>(dev.ticketing.contracts.events.Subject.TICKET_CREATED, ConsumerGroup.ORDERS) {
      @Override
      protected Future<Outcome> apply(TicketCreated event) {
        if (storeAway.getAndDecrement() > 0) {
          return Future.failedFuture(new java.util.concurrent.TimeoutException("the replica's database did not answer"));
        }
        applied.incrementAndGet();
        return Future.succeededFuture(Outcome.APPLIED);
      }
    };
    consumer.register(vertx)
        .compose(registered -> relay.start())
        .compose(started -> writeWithOutbox(db, "tickets", "t7", new TicketCreated("t7", 0, "Recital", 800, "u1")))
        .compose(written -> {
          relay.kick("t7");
          return Eventually.await(vertx, 30_000, "delivery once the store is back", () -> nothingPending(db, "tickets", "t7"));
        })
        .compose(delivered -> relay.deadLetters().list(10))
        .onComplete(test.succeeding(letters -> test.verify(() -> {
          assertEquals(1, applied.get());
          assertEquals(List.of(), letters, "an unavailable store is no reason to set the event aside");
          test.completeNow();
        })));
  }

  static Future<String> writeWithOutbox(MongoClient db, String collection, String id, EventPayload... events) {
    return db.insert(collection, Outbox.attach(new JsonObject().put("_id", id), events));
  }

  /** Every entry delivered and the document out of the pending index. */
  static Future<Boolean> nothingPending(MongoClient db, String collection, String id) {
    return db.findOne(collection, new JsonObject().put("_id", id), null)
        .map(document -> document.getJsonArray(Outbox.FIELD).isEmpty() && !document.containsKey(Outbox.PENDING));
  }

  private static Future<JsonObject> send(Vertx vertx, EventPayload event) {
    return vertx.eventBus().<JsonObject>request(event.subject().address(ConsumerGroup.ORDERS), event.toJson())
        .map(reply -> reply.body());
  }
}
