package dev.ticketing.tickets.listeners;

import static dev.ticketing.platform.testing.Blocking.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.contracts.events.EventPayload;
import dev.ticketing.contracts.events.OrderCancelled;
import dev.ticketing.contracts.events.OrderCompleted;
import io.vertx.core.json.JsonObject;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The contract both endings of an order keep on its ticket: the event applies once (the ticket's
 * version moves on by one), and the same event delivered again is a duplicate that changes nothing.
 * What else each ending does and refuses is in {@link ReleaseTicketListenerTest} and
 * {@link SellTicketListenerTest}.
 */
class OrderEndingListenersTest extends OrderListenersTestBase {

  enum Ending {
    /** order:cancelled frees the ticket. */
    CANCELLED(ticketId -> new OrderCancelled(ORDER_A, 1, ticketId), ticket -> assertNull(ticket.getValue("orderId"))),
    /** order:completed sells it, to the order that held it. */
    COMPLETED(ticketId -> new OrderCompleted(ORDER_A, 1, ticketId), ticket -> {
      assertTrue(ticket.getBoolean("sold"));
      assertEquals(ORDER_A, ticket.getString("orderId"));
    });

    final Function<String, EventPayload> event;
    final Consumer<JsonObject> shows;

    Ending(Function<String, EventPayload> event, Consumer<JsonObject> shows) {
      this.event = event;
      this.shows = shows;
    }
  }

  @ParameterizedTest
  @EnumSource(Ending.class)
  void appliesOnceAndADuplicateChangesNothing(Ending ending) throws Exception {
    String ticketId = await(aTicket());
    await(deliver(created(ORDER_A, ticketId)));

    assertEquals("APPLIED", await(deliver(ending.event.apply(ticketId))));
    assertEquals("DUPLICATE", await(deliver(ending.event.apply(ticketId))));

    JsonObject ticket = await(showTicket(ticketId));
    assertEquals(2L, ticket.getLong("version"), "created v1, ended v2, and no change after");
    ending.shows.accept(ticket);
  }
}
