package dev.ticketing.orders.listeners;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ticketing.contracts.events.TicketCreated;
import dev.ticketing.contracts.events.TicketUpdated;
import dev.ticketing.orders.testing.OrdersFixture;
import dev.ticketing.platform.delivery.EventListener;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** ticket:created and ticket:updated keep the replica that orders are placed against. */
@ExtendWith(VertxExtension.class)
class TicketReplicaListenersTest {

  @RegisterExtension
  final OrdersFixture orders = OrdersFixture.started();
  private final String ticketId = OrdersFixture.newId();

  @Test
  void aListedTicketIsStoredInCentsAndCanBeOrdered(VertxTestContext test) {
    orders.publish(new TicketCreated(ticketId, 0, "Opera", 2050, orders.seller))
        .compose(reply -> {
          test.verify(() -> assertEquals("APPLIED", reply.getString("outcome")));
          return replica();
        })
        .compose(stored -> {
          test.verify(() -> assertEquals(new JsonObject().put("_id", ticketId).put("title", "Opera").put("price", 2050L)
              .put("userId", orders.seller).putNull("orderId").put("version", 0L), stored));
          return orders.createOrder(OrdersFixture.newId(), ticketId);
        })
        .onComplete(test.succeeding(order -> test.verify(() -> {
          assertEquals("20.5", order.getJsonObject("ticket").getValue("price").toString());
          test.completeNow();
        })));
  }

  @Test
  void duplicatesAreAcknowledgedWithoutASecondEffect(VertxTestContext test) {
    TicketCreated created = new TicketCreated(ticketId, 0, "Opera", 2000, orders.seller);
    TicketUpdated edited = new TicketUpdated(ticketId, 1, "Opera (matinee)", 2500, orders.seller, null, false);
    orders.publish(created)
        .compose(first -> orders.publish(edited))
        .compose(applied -> Future.all(orders.publish(created), orders.publish(edited)))
        .compose(again -> {
          test.verify(() -> {
            assertEquals("DUPLICATE", again.<JsonObject>resultAt(0).getString("outcome"));
            assertEquals("DUPLICATE", again.<JsonObject>resultAt(1).getString("outcome"));
          });
          return replica();
        })
        .onComplete(test.succeeding(stored -> test.verify(() -> {
          assertEquals("Opera (matinee)", stored.getString("title"), "an old version does not overwrite a newer one");
          assertEquals(2500L, stored.getLong("price"));
          assertEquals(1L, stored.getLong("version"));
          test.completeNow();
        })));
  }

  @Test
  void anUpdateAheadOfItsPredecessorIsRefusedThenApplied(VertxTestContext test) {
    TicketUpdated v1 = new TicketUpdated(ticketId, 1, "Opera", 2200, orders.seller, null, false);
    TicketUpdated v2 = new TicketUpdated(ticketId, 2, "Opera (final)", 2400, orders.seller, null, false);
    orders.refusedCode(v1)
        .compose(code -> {
          test.verify(() -> assertEquals(EventListener.OUT_OF_ORDER, code, "an update before the creation is a gap"));
          return orders.publish(new TicketCreated(ticketId, 0, "Opera", 2000, orders.seller));
        })
        .compose(created -> orders.refusedCode(v2))
        .compose(code -> {
          test.verify(() -> assertEquals(EventListener.OUT_OF_ORDER, code, "v2 before v1 is a gap"));
          return replica();
        })
        .compose(stored -> {
          test.verify(() -> assertEquals(0L, stored.getLong("version"), "the refused event changed nothing"));
          return orders.publish(v1);
        })
        .compose(applied -> orders.publish(v2))
        .compose(reply -> {
          test.verify(() -> assertEquals("APPLIED", reply.getString("outcome")));
          return replica();
        })
        .onComplete(test.succeeding(stored -> test.verify(() -> {
          assertEquals("Opera (final)", stored.getString("title"));
          assertEquals(2400L, stored.getLong("price"));
          assertEquals(2L, stored.getLong("version"));
          test.completeNow();
        })));
  }

  private Future<JsonObject> replica() {
    return orders.db().findOne("tickets", new JsonObject().put("_id", ticketId), null);
  }
}
