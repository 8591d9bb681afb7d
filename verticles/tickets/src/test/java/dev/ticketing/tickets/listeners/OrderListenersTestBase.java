package dev.ticketing.tickets.listeners;

import dev.ticketing.contracts.events.OrderCreated;
import dev.ticketing.tickets.TicketsTestBase;
import io.vertx.core.Future;
import java.time.Instant;
import org.bson.types.ObjectId;

/** Helpers shared by the order-event listener tests. */
abstract class OrderListenersTestBase extends TicketsTestBase {

  static final String ORDER_A = new ObjectId().toHexString();
  static final String ORDER_B = new ObjectId().toHexString();

  /** An order priced from the ticket's first version. */
  static OrderCreated created(String orderId, String ticketId) {
    return pricedAt(orderId, ticketId, 0);
  }

  static OrderCreated pricedAt(String orderId, String ticketId, long ticketVersion) {
    return new OrderCreated(orderId, 0, "created", BOB, Instant.now().plusSeconds(900), ticketId, 1000, ticketVersion);
  }

  /** A fresh ticket's id. */
  Future<String> aTicket() {
    return createTicket(ALICE, "Concert", 10).map(ticket -> ticket.getString("id"));
  }
}
