package dev.ticketing.orders.listeners;

import static dev.ticketing.platform.testing.Blocking.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ticketing.contracts.events.TicketCreated;
import dev.ticketing.contracts.events.TicketUpdated;
import dev.ticketing.orders.testing.OrdersFixture;
import dev.ticketing.platform.delivery.EventListener;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** ticket:created and ticket:updated keep the replica that orders are placed against. */
class TicketReplicaListenersTest {

  @RegisterExtension
  final OrdersFixture orders = OrdersFixture.started();
  private final String ticketId = OrdersFixture.newId();

  @Test
  void aListedTicketIsStoredInCentsAndCanBeOrdered() throws Exception {
    JsonObject reply = await(orders.publish(new TicketCreated(ticketId, 0, "Opera", 2050, orders.seller)));

    assertEquals("APPLIED", reply.getString("outcome"));
    assertEquals(new JsonObject().put("_id", ticketId).put("title", "Opera").put("price", 2050L)
        .put("userId", orders.seller).putNull("orderId").put("version", 0L), replica());
    JsonObject order = await(orders.createOrder(OrdersFixture.newId(), ticketId));
    assertEquals("20.5", order.getJsonObject("ticket").getValue("price").toString());
  }

  @Test
  void duplicatesAreAcknowledgedWithoutASecondEffect() throws Exception {
    TicketCreated created = new TicketCreated(ticketId, 0, "Opera", 2000, orders.seller);
    TicketUpdated edited = new TicketUpdated(ticketId, 1, "Opera (matinee)", 2500, orders.seller, null, false);
    await(orders.publish(created));
    await(orders.publish(edited));

    assertEquals("DUPLICATE", await(orders.publish(created)).getString("outcome"));
    assertEquals("DUPLICATE", await(orders.publish(edited)).getString("outcome"));

    JsonObject stored = replica();
    assertEquals("Opera (matinee)", stored.getString("title"), "an old version does not overwrite a newer one");
    assertEquals(2500L, stored.getLong("price"));
    assertEquals(1L, stored.getLong("version"));
  }

  @Test
  void anUpdateAheadOfItsPredecessorIsRefusedThenApplied() throws Exception {
    TicketUpdated v1 = new TicketUpdated(ticketId, 1, "Opera", 2200, orders.seller, null, false);
    TicketUpdated v2 = new TicketUpdated(ticketId, 2, "Opera (final)", 2400, orders.seller, null, false);

    assertEquals(EventListener.OUT_OF_ORDER, await(orders.refusedCode(v1)), "an update before the creation is a gap");
    await(orders.publish(new TicketCreated(ticketId, 0, "Opera", 2000, orders.seller)));
    assertEquals(EventListener.OUT_OF_ORDER, await(orders.refusedCode(v2)), "v2 before v1 is a gap");
    assertEquals(0L, replica().getLong("version"), "the refused event changed nothing");
    await(orders.publish(v1));
    assertEquals("APPLIED", await(orders.publish(v2)).getString("outcome"));

    JsonObject stored = replica();
    assertEquals("Opera (final)", stored.getString("title"));
    assertEquals(2400L, stored.getLong("price"));
    assertEquals(2L, stored.getLong("version"));
  }

  private JsonObject replica() throws Exception {
    return await(orders.db().findOne("tickets", new JsonObject().put("_id", ticketId), null));
  }
}
