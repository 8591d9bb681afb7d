package dev.ticketing.tickets.listeners;

import dev.ticketing.contracts.events.OrderCreated;
import dev.ticketing.platform.mongo.Mongo;
import dev.ticketing.tickets.TicketsTestBase;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.time.Instant;
import org.bson.types.ObjectId;

/** Helpers shared by the order-event listener tests. */
abstract class OrderListenersTestBase extends TicketsTestBase {

  static final String ORDER_A = new ObjectId().toHexString();
  static final String ORDER_B = new ObjectId().toHexString();

  static OrderCreated created(String orderId, String ticketId) {
    return new OrderCreated(orderId, 0, "created", BOB, Instant.now().plusSeconds(900), ticketId, 1000);
  }

  /** A fresh ticket's id. */
  Future<String> aTicket() {
    return createTicket(ALICE, "Concert", 10).map(ticket -> ticket.getString("id"));
  }

  /**
   * Sets back the version recorded for an order (null: none) while keeping the effects on the
   * ticket: the state a crash between the two writes of a listener leaves behind.
   */
  Future<Void> rewindOrderVersion(String orderId, Long version) {
    MongoClient db = Mongo.client(vertx, mongoServer.settings("tickets"));
    JsonObject id = new JsonObject().put("_id", orderId);
    Future<?> rewound = version == null ? db.removeDocument("order_versions", id)
        : db.save("order_versions", id.copy().put("version", version));
    return rewound.<Void>mapEmpty().eventually(() -> db.close());
  }
}
