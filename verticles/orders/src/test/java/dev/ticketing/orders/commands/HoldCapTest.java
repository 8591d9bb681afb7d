package dev.ticketing.orders.commands;

import static dev.ticketing.platform.testing.Blocking.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ticketing.contracts.commands.Command;
import dev.ticketing.contracts.errors.ApiException;
import dev.ticketing.orders.testing.OrdersFixture;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** MAX_ACTIVE_HOLDS_PER_USER = 2: a third unpaid order is refused until one of the two is gone. */
class HoldCapTest {

  private static final String OVER_CAP = "You already hold 2 unpaid orders; pay for or cancel one first";

  @RegisterExtension
  final OrdersFixture orders = OrdersFixture.started(2);

  @Test
  void aThirdUnpaidOrderIsRefusedUntilOneIsCancelled() throws Exception {
    List<String> tickets = listTickets(3);
    await(orders.createOrder(orders.buyer, tickets.get(0)));
    JsonObject second = await(orders.createOrder(orders.buyer, tickets.get(1)));

    ApiException refused = await(orders.refusal(Command.CREATE_ORDER, orders.buyer, new JsonObject().put("ticketId", tickets.get(2))));
    assertEquals(429, refused.status());
    assertEquals(OVER_CAP, refused.errors().get(0).message());
    await(orders.cancelOrder(orders.buyer, second.getString("id")));
    assertEquals("created", await(orders.createOrder(orders.buyer, tickets.get(2))).getString("status"));
  }

  @Test
  void theCapIsPerUser() throws Exception {
    String other = OrdersFixture.newId();
    List<String> tickets = listTickets(3);
    await(orders.createOrder(orders.buyer, tickets.get(0)));
    await(orders.createOrder(orders.buyer, tickets.get(1)));

    JsonObject order = await(orders.createOrder(other, tickets.get(2)));

    assertEquals(other, order.getString("userId"));
  }

  @Test
  void oneUserRacingForSixTicketsGetsExactlyTwo() throws Exception {
    List<String> tickets = listTickets(6);

    // Sent together: they compete for the two hold slots, which only the unique index can arbitrate.
    List<Future<String>> attempts = tickets.stream()
        .map(ticketId -> orders.createOrder(orders.buyer, ticketId).map(order -> "won")
            .recover(failure -> Future.succeededFuture(OrdersFixture.describe(failure))))
        .toList();
    List<String> outcomes = await(Future.all(attempts)).list();

    assertEquals(2, outcomes.stream().filter("won"::equals).count(), outcomes.toString());
    assertEquals(4, outcomes.stream().filter(outcome -> outcome.startsWith("429 ")).count(), outcomes.toString());
    assertEquals(2L, await(orders.db().count("orders", new JsonObject().put("userId", orders.buyer))));
  }

  private List<String> listTickets(int count) throws Exception {
    return await(Future.all(IntStream.range(0, count).mapToObj(i -> orders.listTicket("Show " + i, 1000 + i, orders.seller)).toList()))
        .list();
  }
}
