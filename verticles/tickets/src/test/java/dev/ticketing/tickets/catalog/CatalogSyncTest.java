package dev.ticketing.tickets.catalog;

import static dev.ticketing.platform.testing.Blocking.await;
import static dev.ticketing.platform.testing.Blocking.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ticketing.contracts.live.LiveTicketChange;
import dev.ticketing.platform.delivery.OutboxRelay;
import dev.ticketing.platform.delivery.RelaySettings;
import dev.ticketing.platform.mongo.DueKeys;
import dev.ticketing.platform.mongo.Mongo;
import dev.ticketing.tickets.TicketsTestBase;
import dev.ticketing.tickets.live.TicketFeed;
import dev.ticketing.tickets.store.TicketStore;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

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
  void watchTheFeed() throws Exception {
    mongo = Mongo.client(vertx, mongoServer.settings("tickets"));
    await(vertx.eventBus().<JsonObject>consumer(LiveTicketChange.ADDRESS,
        message -> seen.add(LiveTicketChange.fromJson(message.body()))).completion());
  }

  @AfterEach
  void stopTheSecond() throws Exception {
    try {
      if (sync != null) {
        await(sync.stop());
      }
    } finally {
      await(mongo.close());
    }
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void loadsWhatWasListedBeforeAndFollowsWhatIsListedAfter() throws Exception {
    String before = await(createTicket(ALICE, "Listed before", 10)).getString("id");
    startSecond();

    String after = await(createTicket(ALICE, "Listed after", 20)).getString("id");

    untilTheSecondCatalogHas("the ticket listed after", () -> second.find(after) != null);
    assertEquals("Listed before", second.find(before).title());
    assertEquals("Listed after", second.find(after).title());
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void aGapInTheNumberingIsReadBackFromTheDatabase() throws Exception {
    startSecond();
    String id = aTicketTheSecondHeardOf();
    changeBehindTheFeed(id, "Changed unseen");

    // The first instance says it published one change more than the second one received.
    LiveTicketChange last = seen.get(seen.size() - 1);
    vertx.eventBus().publish(TicketFeed.HEARTBEAT, new JsonObject().put("origin", last.origin()).put("seq", last.seq() + 1)
        .put("at", System.currentTimeMillis()));

    untilTheSecondCatalogHas("the change read back", () -> "Changed unseen".equals(second.find(id).title()));
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void anInstanceGoneSilentHasItsLastChangesReadBack() throws Exception {
    startSecond();
    String id = aTicketTheSecondHeardOf();

    // An instance that wrote, and died before it could publish: heard once, then never again.
    vertx.eventBus().publish(TicketFeed.HEARTBEAT, new JsonObject().put("origin", "crashed").put("seq", 0)
        .put("at", System.currentTimeMillis()));
    changeBehindTheFeed(id, "Written, never published");

    untilTheSecondCatalogHas("the change read back", () -> "Written, never published".equals(second.find(id).title()));
  }

  /** Lists a ticket and waits until the second catalog has it from the feed; its id. */
  private String aTicketTheSecondHeardOf() throws Exception {
    String id = await(createTicket(ALICE, "Original", 10)).getString("id");
    untilTheSecondCatalogHas("the ticket from the feed", () -> second.find(id) != null);
    return id;
  }

  private void startSecond() throws Exception {
    RelaySettings idle = new RelaySettings(60_000, 60_000, 1, 60_000, 1, 1, 60_000);
    second = new TicketCatalog();
    TicketFeed feed = new TicketFeed(vertx);
    TicketStore store = new TicketStore(vertx, mongo, new OutboxRelay(vertx, mongo, TicketStore.COLLECTION, idle), feed, second);
    sync = new CatalogSync(vertx, second, store, feed);
    await(sync.start());
  }

  /** A write as another instance would make it, stamped with its change key, and published to nobody. */
  private void changeBehindTheFeed(String id, String title) throws Exception {
    JsonObject ticket = await(mongo.findOne(TicketStore.COLLECTION, new JsonObject().put("_id", id), null));
    await(mongo.updateCollection(TicketStore.COLLECTION, new JsonObject().put("_id", id),
        new JsonObject().put("$set", new JsonObject().put("title", title).put("version", ticket.getLong("version") + 1)
            .put("changeKey", DueKeys.key(System.currentTimeMillis(), id)))));
  }

  /**
   * Polls the second catalog: it changes on its own, from the feed or a read-back, with nothing to wait on.
   * For as long as the test itself may take.
   */
  private static void untilTheSecondCatalogHas(String what, BooleanSupplier condition) throws InterruptedException {
    eventually(what, Duration.ofSeconds(30), condition);
  }
}
