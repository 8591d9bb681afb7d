package dev.ticketing.orders.store;

import static dev.ticketing.platform.testing.Blocking.await;
import static dev.ticketing.platform.testing.Blocking.failureOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.orders.domain.Order;
import dev.ticketing.orders.domain.OrderStatus;
import dev.ticketing.orders.domain.OrderedTicket;
import dev.ticketing.platform.delivery.OutboxRelay;
import dev.ticketing.platform.delivery.RelaySettings;
import dev.ticketing.platform.mongo.Mongo;
import dev.ticketing.platform.testing.EmbeddedMongo;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The hold indexes against the wire server: which index refused a write can be read from the
 * E11000 message, because the server names the index in it (as MongoDB does).
 */
@ExtendWith(VertxExtension.class)
class HoldIndexesTest {

  private EmbeddedMongo server;
  private MongoClient mongo;
  private OrderStore store;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    server = new EmbeddedMongo();
    mongo = Mongo.client(vertx, server.settings("orders"));
    store = new OrderStore(mongo, new OutboxRelay(vertx, mongo, OrderStore.ORDERS, RelaySettings.defaults()), Duration.ofSeconds(10));
    await(store.createIndexes());
    await(mongo.insert(OrderStore.ORDERS, hold("o1", "t1", "u1:0")));
  }

  @AfterEach
  void stop() throws Exception {
    await(mongo.close());
    server.close();
  }

  @Test
  void aSecondHoldOnATicketNamesTheTicketIndex() throws Exception {
    Throwable duplicate = failureOf(mongo.insert(OrderStore.ORDERS, hold("o2", "t1", "u2:0")));

    assertTrue(Mongo.isDuplicateKey(duplicate));
    assertTrue(duplicate.getMessage().contains("index: " + DuplicateHolds.TICKET_HOLD_INDEX), duplicate.getMessage());
    assertEquals(HoldTaken.Kind.TICKET, DuplicateHolds.named(duplicate));
  }

  @Test
  void aSecondOrderInOneSlotNamesTheUserIndex() throws Exception {
    Throwable duplicate = failureOf(mongo.insert(OrderStore.ORDERS, hold("o2", "t2", "u1:0")));

    assertTrue(duplicate.getMessage().contains("index: " + DuplicateHolds.USER_HOLD_INDEX), duplicate.getMessage());
    assertEquals(HoldTaken.Kind.USER_SLOT, DuplicateHolds.named(duplicate));
  }

  @Test
  void otherFailuresAreNoHolds() {
    assertNull(DuplicateHolds.named(new IllegalStateException("index: ticket_hold_unique")));
  }

  @Test
  void releasedHoldsAreRemovedSoManyOrdersCanBeWithoutOne() throws Exception {
    // Sparse: documents without the field are not indexed, so any number of released orders coexist.
    await(mongo.insert(OrderStore.ORDERS, new JsonObject().put("_id", "o2")));
    await(mongo.insert(OrderStore.ORDERS, new JsonObject().put("_id", "o3")));
    await(mongo.updateCollection(OrderStore.ORDERS, new JsonObject().put("_id", "o1"),
        new JsonObject().put("$unset", new JsonObject().put("ticketHold", "").put("userHold", ""))));

    await(mongo.insert(OrderStore.ORDERS, hold("o4", "t1", "u1:0")));
  }

  @Test
  void theStoreReportsWhichHoldWasTaken() throws Exception {
    Order order = new Order("0123456789abcdef01234567", OrderStatus.CREATED, "u2", Instant.parse("2026-11-22T10:15:00Z"), 0,
        new OrderedTicket("t1", "Opera", 2000, 0));

    // o1 holds t1 already (see start).
    Throwable taken = failureOf(store.insert(order, 0, Instant.parse("2026-11-22T10:00:00Z")));

    assertEquals(HoldTaken.Kind.TICKET, ((HoldTaken) taken).kind());
  }

  private static JsonObject hold(String id, String ticketId, String userHold) {
    return new JsonObject().put("_id", id).put("ticketHold", ticketId).put("userHold", userHold);
  }
}
