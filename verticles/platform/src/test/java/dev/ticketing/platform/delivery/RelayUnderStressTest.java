package dev.ticketing.platform.delivery;

import static dev.ticketing.platform.delivery.OutboxDeliveryTest.nothingPending;
import static dev.ticketing.platform.delivery.OutboxDeliveryTest.writeWithOutbox;
import static dev.ticketing.platform.testing.Blocking.await;
import static dev.ticketing.platform.testing.Blocking.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.contracts.events.ConsumerGroup;
import dev.ticketing.contracts.events.OrderCancelled;
import dev.ticketing.contracts.events.OrderCompleted;
import dev.ticketing.contracts.events.Subject;
import dev.ticketing.contracts.events.TicketCreated;
import dev.ticketing.platform.mongo.Mongo;
import dev.ticketing.platform.testing.EmbeddedMongo;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** The relay under load and under faults: bounded, fair, and never blocked by one bad entry. */
@ExtendWith(VertxExtension.class)
class RelayUnderStressTest {

  private EmbeddedMongo mongoServer;
  private MongoClient db;
  private Vertx vertx;

  @BeforeEach
  void start(Vertx vertx) {
    this.vertx = vertx;
    mongoServer = new EmbeddedMongo();
    db = Mongo.client(vertx, mongoServer.settings("producer"));
  }

  @AfterEach
  void stop() {
    db.close();
    mongoServer.close();
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void noMoreThanMaxInFlightDocumentsAreDeliveredAtOnce() throws Exception {
    int maxInFlight = 8;
    OutboxRelay relay = new OutboxRelay(vertx, db, "tickets", new RelaySettings(200, 2000, 20, 200, maxInFlight, 3, 5000));
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    listen(Subject.TICKET_CREATED, ConsumerGroup.ORDERS, message -> {
      peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      vertx.setTimer(20, id -> {
        inFlight.decrementAndGet();
        message.reply(new JsonObject());
      });
    });
    await(relay.start());

    await(Future.all(IntStream.range(0, 200).mapToObj(i -> writeWithOutbox(db, "tickets", "t" + i,
        new TicketCreated("t" + i, 0, "Show " + i, 100, "u1")).onSuccess(id -> relay.kick(id))).toList()));

    eventually("all 200 delivered", Duration.ofSeconds(40), () -> relay.delivered() == 200);
    assertTrue(peak.get() <= maxInFlight, "peak " + peak.get() + " deliveries at once, limit " + maxInFlight);
    assertTrue(peak.get() > 1, "deliveries do run concurrently");
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void documentsThatKeepFailingDoNotHideTheOnesBehindThem() throws Exception {
    // Room for 10 at once, 300 documents whose consumer group is away, written first; then one whose group is here.
    OutboxRelay relay = new OutboxRelay(vertx, db, "orders", new RelaySettings(100, 500, 50, 5000, 10, 3, 5000));
    AtomicInteger completedSeen = new AtomicInteger();
    listen(Subject.ORDER_COMPLETED, ConsumerGroup.TICKETS, countingReplies(completedSeen));
    listen(Subject.ORDER_COMPLETED, ConsumerGroup.PAYMENTS, message -> message.reply(new JsonObject()));
    await(Future.all(IntStream.range(0, 300).mapToObj(i ->
        writeWithOutbox(db, "orders", "stuck" + i, new OrderCancelled("stuck" + i, 1, "t" + i))).toList()));
    await(writeWithOutbox(db, "orders", "good", new OrderCompleted("good", 1, "t-good")));

    await(relay.start()); // nothing is kicked: only the sweep can find them

    eventually("the good document to be delivered", Duration.ofSeconds(40), () -> nothingPending(db, "orders", "good"));
    assertEquals(1, completedSeen.get());
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void anEntryRefusedAgainAndAgainBecomesADeadLetterThatCanBeReplayed() throws Exception {
    OutboxRelay relay = new OutboxRelay(vertx, db, "orders", new RelaySettings(100, 1000, 10, 50, 10, 3, 5000));
    AtomicInteger refusing = new AtomicInteger(1);
    AtomicInteger completedSeen = new AtomicInteger();
    AtomicInteger cancelledSeen = new AtomicInteger();
    // The tickets group refuses the first entry (a poison event) until it is "fixed"; the entry behind it must not wait.
    listen(Subject.ORDER_CANCELLED, ConsumerGroup.TICKETS, message -> {
      if (refusing.get() == 1) {
        message.fail(EventListener.MALFORMED, "malformed event");
      } else {
        cancelledSeen.incrementAndGet();
        message.reply(new JsonObject());
      }
    });
    listen(Subject.ORDER_CANCELLED, ConsumerGroup.PAYMENTS, message -> message.reply(new JsonObject()));
    listen(Subject.ORDER_COMPLETED, ConsumerGroup.TICKETS, countingReplies(completedSeen));
    listen(Subject.ORDER_COMPLETED, ConsumerGroup.PAYMENTS, message -> message.reply(new JsonObject()));
    await(relay.start());
    await(writeWithOutbox(db, "orders", "o1", new OrderCancelled("o1", 1, "t1"), new OrderCompleted("o1", 2, "t1")));

    relay.kick("o1");

    eventually("the entry behind the poison one to be delivered", Duration.ofSeconds(20),
        () -> nothingPending(db, "orders", "o1"));
    List<JsonObject> letters = await(relay.deadLetters().list(10));
    assertEquals(1, letters.size());
    assertEquals("order:cancelled", letters.get(0).getString("subject"));
    assertEquals("tickets", letters.get(0).getString("group"));
    assertEquals(1, completedSeen.get());
    assertEquals(1L, await(relay.backlog()).getJsonObject("deadLetters").getLong("tickets"));

    refusing.set(0); // the consumer is fixed; the operator replays
    assertEquals(1, await(relay.replay(List.of())));

    eventually("the replayed entry to be delivered", Duration.ofSeconds(20),
        () -> nothingPending(db, "orders", "o1") && cancelledSeen.get() == 1);
    assertEquals(0, await(relay.deadLetters().list(10)).size());
  }

  /** A consumer of {@code subject} for {@code group}, listening once this returns. */
  private void listen(Subject subject, ConsumerGroup group, Handler<Message<JsonObject>> handler) throws Exception {
    await(vertx.eventBus().<JsonObject>consumer(subject.address(group), handler).completion());
  }

  /** Counts each message and acknowledges it. */
  private static Handler<Message<JsonObject>> countingReplies(AtomicInteger seen) {
    return message -> {
      seen.incrementAndGet();
      message.reply(new JsonObject());
    };
  }
}
