package dev.ticketing.tickets;

import static dev.ticketing.platform.testing.Blocking.await;
import static dev.ticketing.platform.testing.Blocking.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ticketing.contracts.commands.Command;
import dev.ticketing.contracts.events.OrderCancelled;
import dev.ticketing.contracts.events.OrderCreated;
import dev.ticketing.contracts.events.TicketCreated;
import dev.ticketing.contracts.events.TicketUpdated;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

/** Every change of a ticket reaches the orders group through the outbox, in version order. */
class EmittedEventsTest extends TicketsTestBase {

  @Test
  void creatingAndEditingATicketAreAnnounced() throws Exception {
    JsonObject created = await(createTicket(ALICE, "Concert", "20.5"));
    String id = await(send(Command.UPDATE_TICKET,
        new JsonObject().put("id", created.getString("id")).put("title", "Concert (late)").put("price", 25), ALICE))
        .getString("id");

    eventually("both events", Duration.ofSeconds(10), () -> createdEvents.size() == 1 && updatedEvents.size() == 1);

    assertEquals(new TicketCreated(id, 0, "Concert", 2050, ALICE), TicketCreated.fromJson(createdEvents.get(0)));
    assertEquals(new TicketUpdated(id, 1, "Concert (late)", 2500, ALICE, null, false),
        TicketUpdated.fromJson(updatedEvents.get(0)));
  }

  @Test
  void reservationAndReleaseAreAnnouncedWithTheHoldingOrder() throws Exception {
    String orderId = new ObjectId().toHexString();
    String id = await(createTicket(ALICE, "Concert", 10)).getString("id");
    await(deliver(new OrderCreated(orderId, 0, "created", BOB, Instant.now().plusSeconds(60), id, 1000, 0)));
    await(deliver(new OrderCancelled(orderId, 1, id)));

    eventually("reservation and release", Duration.ofSeconds(10), () -> updatedEvents.size() == 2);

    List<TicketUpdated> events = updatedEvents.stream().map(TicketUpdated::fromJson).toList();
    assertEquals(new TicketUpdated(id, 1, "Concert", 1000, ALICE, orderId, false), events.get(0));
    assertEquals(new TicketUpdated(id, 2, "Concert", 1000, ALICE, null, false), events.get(1));
    assertNull(events.get(1).orderId());
  }
}
