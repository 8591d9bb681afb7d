package dev.ticketing.tickets.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ticketing.contracts.live.LiveTicketChange;
import dev.ticketing.platform.delivery.OutboxRelay;
import dev.ticketing.platform.delivery.RelaySettings;
import dev.ticketing.platform.mongo.DueKeys;
import dev.ticketing.platform.mongo.Mongo;
import dev.ticketing.tickets.TicketsTestBase;
import dev.ticketing.tickets.live.TicketFeed;
import dev.ticketing.tickets.store.TicketStore;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A second tickets instance's catalog, beside the one the base deploys: it follows the first one's
 * writes from the live feed, and reads back from the database what the feed did not bring (a
 * numbering gap, an instance gone silent), and loads what was there before it started.
 */
class CatalogSyncTest extends TicketsTestBase {

  private MongoClient mongo;
  private TicketCatalog second;
  private CatalogSync sync;
  private final List<LiveTicketChange> seen = new CopyOnWriteArrayList<>();

  @BeforeEach
  void watchTheFeed(VertxTestContext test) {
    mongo = Mongo.client(vertx, mongoServer.settings("tickets"));
    vertx.eventBus().<JsonObject>consumer(LiveTicketChange.ADDRESS, message -> seen.add(LiveTicketChange.fromJson(message.body())))
        .completion().onComplete(test.succeedingThenComplete());
  }

  @AfterEach
  void stopTheSecond(VertxTestContext test) {
    (sync == null ? Future.succeededFuture() : sync.stop()).onComplete(done -> {
      mongo.close();
      test.completeNow();
    });
  }

  @Test
  @Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
  void loadsWhatWasListedBeforeAndFollowsWhatIsListedAfter(VertxTestContext test) {
    createTicket(ALICE, "Listed before", 10)
        .compose(before -> startSecond().map(before))
        .compose(before -> createTicket(ALICE, "Listed after", 20).map(after -> List.of(before, after)))
        .compose(both -> until(() -> second.find(both.get(1).getString("id")) != null).map(both))
        .onComplete(test.succeeding(both -> test.verify(() -> {
          assertEquals("Listed before", second.find(both.get(0).getString("id")).title());
          assertEquals("Listed after", second.find(both.get(1).getString("id")).title());
          test.completeNow();
        })));
  }

  @Test
  @Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
  void aGapInTheNumberingIsReadBackFromTheDatabase(VertxTestContext test) {
    startSecond()
        .compose(started -> createTicket(ALICE, "Original", 10))
        .compose(ticket -> until(() -> second.find(ticket.getString("id")) != null).map(ticket))
        .compose(ticket -> changeBehindTheFeed(ticket.getString("id"), "Changed unseen").map(ticket))
        .compose(ticket -> {
          // The first instance says it published one change more than the second one received.
          LiveTicketChange last = seen.get(seen.size() - 1);
          vertx.eventBus().publish(TicketFeed.HEARTBEAT, new JsonObject().put("origin", last.origin()).put("seq", last.seq() + 1)
              .put("at", System.currentTimeMillis()));
          return until(() -> "Changed unseen".equals(second.find(ticket.getString("id")).title()));
        })
        .onComplete(test.succeedingThenComplete());
  }

  @Test
  @Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
  void anInstanceGoneSilentHasItsLastChangesReadBack(VertxTestContext test) {
    startSecond()
        .compose(started -> createTicket(ALICE, "Original", 10))
        .compose(ticket -> until(() -> second.find(ticket.getString("id")) != null).map(ticket))
        .compose(ticket -> {
          // An instance that wrote, and died before it could publish: heard once, then never again.
          vertx.eventBus().publish(TicketFeed.HEARTBEAT, new JsonObject().put("origin", "crashed").put("seq", 0)
              .put("at", System.currentTimeMillis()));
          return changeBehindTheFeed(ticket.getString("id"), "Written, never published").map(ticket);
        })
        .compose(ticket -> until(() -> "Written, never published".equals(second.find(ticket.getString("id")).title())))
        .onComplete(test.succeedingThenComplete());
  }

  private Future<Void> startSecond() {
    RelaySettings idle = new RelaySettings(60_000, 60_000, 1, 60_000, 1, 1, 60_000);
    second = new TicketCatalog();
    TicketFeed feed = new TicketFeed(vertx);
    TicketStore store = new TicketStore(vertx, mongo, new OutboxRelay(vertx, mongo, TicketStore.COLLECTION, idle), feed, second);
    sync = new CatalogSync(vertx, second, store, feed);
    return sync.start();
  }

  /** A write as another instance would make it, stamped with its change key, and published to nobody. */
  private Future<Void> changeBehindTheFeed(String id, String title) {
    return mongo.findOne(TicketStore.COLLECTION, new JsonObject().put("_id", id), null)
        .compose(ticket -> mongo.updateCollection(TicketStore.COLLECTION, new JsonObject().put("_id", id),
            new JsonObject().put("$set", new JsonObject().put("title", title).put("version", ticket.getLong("version") + 1)
                .put("changeKey", DueKeys.key(System.currentTimeMillis(), id)))))
        .mapEmpty();
  }

  /** Polls the second catalog: it changes on its own, from the feed or a read-back, with nothing to wait on. */
  private Future<Void> until(Supplier<Boolean> condition) {
    Promise<Void> done = Promise.promise();
    long timer = vertx.setPeriodic(50, tick -> {
      if (condition.get()) {
        done.tryComplete();
      }
    });
    return done.future().onComplete(any -> vertx.cancelTimer(timer));
  }
}
