package dev.ticketing.platform.delivery;

import static dev.ticketing.platform.delivery.OutboxDeliveryTest.nothingPending;
import static dev.ticketing.platform.delivery.OutboxDeliveryTest.writeWithOutbox;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.contracts.events.ConsumerGroup;
import dev.ticketing.contracts.events.OrderCancelled;
import dev.ticketing.contracts.events.OrderCompleted;
import dev.ticketing.contracts.events.Subject;
import dev.ticketing.contracts.events.TicketCreated;
import dev.ticketing.platform.mongo.Mongo;
import dev.ticketing.platform.testing.EmbeddedMongo;
import dev.ticketing.platform.testing.Eventually;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The relay under load and under faults: bounded, fair, and never blocked by one bad entry. */
@ExtendWith(VertxExtension.class)
class RelayUnderStressTest {

  private EmbeddedMongo mongoServer;
  private MongoClient db;

  @BeforeEach
  void start(Vertx vertx) {
    mongoServer = new EmbeddedMongo();
    db = Mongo.client(vertx, mongoServer.settings("producer"));
  }

  @AfterEach
  void stop() {
    db.close();
    mongoServer.close();
  }

  @Test
  @Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
  void noMoreThanMaxInFlightDocumentsAreDeliveredAtOnce(Vertx vertx, VertxTestContext test) {
    int maxInFlight = 8;
    OutboxRelay relay = new OutboxRelay(vertx, db, "tickets", new RelaySettings(200, 2000, 20, 200, maxInFlight, 3, 5000));
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    vertx.eventBus().<JsonObject>consumer(Subject.TICKET_CREATED.address(ConsumerGroup.ORDERS), message -> {
      peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      vertx.setTimer(20, id -> {
        inFlight.decrementAndGet();
        message.reply(new JsonObject());
      });
    }).completion()
        .compose(listening -> relay.start())
        .compose(started -> Future.all(IntStream.range(0, 200).mapToObj(i -> writeWithOutbox(db, "tickets", "t" + i,
            new TicketCreated("t" + i, 0, "Show " + i, 100, "u1")).onSuccess(id -> relay.kick(id))).toList()))
        .compose(written -> Eventually.await(vertx, 40_000, "all 200 delivered",
            () -> Future.succeededFuture(relay.delivered() == 200)))
        .onComplete(test.succeeding(delivered -> test.verify(() -> {
          assertTrue(peak.get() <= maxInFlight, "peak " + peak.get() + " deliveries at once, limit " + maxInFlight);
          assertTrue(peak.get() > 1, "deliveries do run concurrently");
          test.completeNow();
        })));
  }

  @Test
  @Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
  void documentsThatKeepFailingDoNotHideTheOnesBehindThem(Vertx vertx, VertxTestContext test) {
    // Room for 10 at once, 300 documents whose consumer group is away, written first; then one whose group is here.
    OutboxRelay relay = new OutboxRelay(vertx, db, "orders", new RelaySettings(100, 500, 50, 5000, 10, 3, 5000));
    AtomicInteger completedSeen = new AtomicInteger();
    Future.all(vertx.eventBus().<JsonObject>consumer(Subject.ORDER_COMPLETED.address(ConsumerGroup.TICKETS), message -> {
          completedSeen.incrementAndGet();
          message.reply(new JsonObject());
        }).completion(),
        vertx.eventBus().<JsonObject>consumer(Subject.ORDER_COMPLETED.address(ConsumerGroup.PAYMENTS),
            message -> message.reply(new JsonObject())).completion())
        .compose(listening -> Future.all(IntStream.range(0, 300).mapToObj(i ->
            writeWithOutbox(db, "orders", "stuck" + i, new OrderCancelled("stuck" + i, 1, "t" + i))).toList()))
        .compose(written -> writeWithOutbox(db, "orders", "good", new OrderCompleted("good", 1, "t-good")))
        .compose(written -> relay.start()) // nothing is kicked: only the sweep can find them
        .compose(started -> Eventually.await(vertx, 40_000, "the good document to be delivered",
            () -> nothingPending(db, "orders", "good")))
        .onComplete(test.succeeding(delivered -> test.verify(() -> {
          assertEquals(1, completedSeen.get());
          test.completeNow();
        })));
  }

  @Test
  @Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
  void anEntryRefusedAgainAndAgainBecomesADeadLetterThatCanBeReplayed(Vertx vertx, VertxTestContext test) {
    OutboxRelay relay = new OutboxRelay(vertx, db, "orders", new RelaySettings(100, 1000, 10, 50, 10, 3, 5000));
    AtomicInteger refusing = new AtomicInteger(1);
    AtomicInteger completedSeen = new AtomicInteger();
    AtomicInteger cancelledSeen = new AtomicInteger();
    // The tickets group refuses the first entry (a poison event) until it is "fixed"; the entry behind it must not wait.
    Future<Void> consumers = Future.all(
        vertx.eventBus().<JsonObject>consumer(Subject.ORDER_CANCELLED.address(ConsumerGroup.TICKETS), message -> {
          if (refusing.get() == 1) {
            message.fail(EventListener.MALFORMED, "malformed event");
          } else {
            cancelledSeen.incrementAndGet();
            message.reply(new JsonObject());
          }
        }).completion(),
        vertx.eventBus().<JsonObject>consumer(Subject.ORDER_CANCELLED.address(ConsumerGroup.PAYMENTS),
            message -> message.reply(new JsonObject())).completion(),
        vertx.eventBus().<JsonObject>consumer(Subject.ORDER_COMPLETED.address(ConsumerGroup.TICKETS), message -> {
          completedSeen.incrementAndGet();
          message.reply(new JsonObject());
        }).completion(),
        vertx.eventBus().<JsonObject>consumer(Subject.ORDER_COMPLETED.address(ConsumerGroup.PAYMENTS),
            message -> message.reply(new JsonObject())).completion()).mapEmpty();
    consumers
        .compose(listening -> relay.start())
        .compose(started -> writeWithOutbox(db, "orders", "o1", new OrderCancelled("o1", 1, "t1"), new OrderCompleted("o1", 2, "t1")))
        .compose(written -> {
          relay.kick("o1");
          return Eventually.await(vertx, 20_000, "the entry behind the poison one to be delivered",
              () -> nothingPending(db, "orders", "o1"));
        })
        .compose(delivered -> relay.deadLetters().list(10))
        .compose(letters -> {
          test.verify(() -> {
            assertEquals(1, letters.size());
            assertEquals("order:cancelled", letters.get(0).getString("subject"));
            assertEquals("tickets", letters.get(0).getString("group"));
            assertEquals(1, completedSeen.get());
          });
          return relay.backlog();
        })
        .compose(backlog -> {
          test.verify(() -> assertEquals(1L, backlog.getJsonObject("deadLetters").getLong("tickets")));
          refusing.set(0); // the consumer is fixed; the operator replays
          return relay.replay(List.of());
        })
        .compose(replayed -> {
          test.verify(() -> assertEquals(1, replayed));
          return Eventually.await(vertx, 20_000, "the replayed entry to be delivered",
              () -> nothingPending(db, "orders", "o1").map(empty -> empty && cancelledSeen.get() == 1));
        })
        .compose(redelivered -> relay.deadLetters().list(10))
        .onComplete(test.succeeding(letters -> test.verify(() -> {
          assertEquals(0, letters.size());
          test.completeNow();
        })));
  }
}
