package dev.ticketing.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ticketing.contracts.commands.Command;
import dev.ticketing.contracts.events.OrderCancelled;
import dev.ticketing.contracts.events.OrderCreated;
import dev.ticketing.contracts.events.TicketCreated;
import dev.ticketing.contracts.events.TicketUpdated;
import dev.ticketing.platform.testing.Eventually;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxTestContext;
import java.time.Instant;
import java.util.List;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

/** Every change of a ticket reaches the orders group through the outbox, in version order. */
class EmittedEventsTest extends TicketsTestBase {

  @Test
  void creatingAndEditingATicketAreAnnounced(VertxTestContext test) {
    createTicket(ALICE, "Concert", "20.5")
        .compose(created -> send(Command.UPDATE_TICKET,
            new JsonObject().put("id", created.getString("id")).put("title", "Concert (late)").put("price", 25), ALICE))
        .compose(updated -> Eventually.await(vertx, 10_000, "both events",
                () -> Future.succeededFuture(createdEvents.size() == 1 && updatedEvents.size() == 1))
            .map(updated.getString("id")))
        .onComplete(test.succeeding(id -> test.verify(() -> {
          assertEquals(new TicketCreated(id, 0, "Concert", 2050, ALICE), TicketCreated.fromJson(createdEvents.get(0)));
          assertEquals(new TicketUpdated(id, 1, "Concert (late)", 2500, ALICE, null, false), TicketUpdated.fromJson(updatedEvents.get(0)));
          test.completeNow();
        })));
  }

  @Test
  void reservationAndReleaseAreAnnouncedWithTheHoldingOrder(VertxTestContext test) {
    String orderId = new ObjectId().toHexString();
    createTicket(ALICE, "Concert", 10)
        .map(created -> created.getString("id"))
        .compose(id -> deliver(new OrderCreated(orderId, 0, "created", BOB, Instant.now().plusSeconds(60), id, 1000, 0))
            .compose(reserved -> deliver(new OrderCancelled(orderId, 1, id)))
            .compose(released -> Eventually.await(vertx, 10_000, "reservation and release",
                () -> Future.succeededFuture(updatedEvents.size() == 2)))
            .map(id))
        .onComplete(test.succeeding(id -> test.verify(() -> {
          List<TicketUpdated> events = updatedEvents.stream().map(TicketUpdated::fromJson).toList();
          assertEquals(new TicketUpdated(id, 1, "Concert", 1000, ALICE, orderId, false), events.get(0));
          assertEquals(new TicketUpdated(id, 2, "Concert", 1000, ALICE, null, false), events.get(1));
          assertNull(events.get(1).orderId());
          test.completeNow();
        })));
  }
}
