package dev.ticketing.orders.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ticketing.contracts.commands.Command;
import dev.ticketing.orders.testing.OrdersFixture;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** MAX_ACTIVE_HOLDS_PER_USER = 2: a third unpaid order is refused until one of the two is gone. */
@ExtendWith(VertxExtension.class)
class HoldCapTest {

  private static final String OVER_CAP = "You already hold 2 unpaid orders; pay for or cancel one first";

  @RegisterExtension
  final OrdersFixture orders = OrdersFixture.started(2);

  @Test
  void aThirdUnpaidOrderIsRefusedUntilOneIsCancelled(VertxTestContext test) {
    listTickets(3).compose(tickets -> orders.createOrder(orders.buyer, tickets.get(0))
            .compose(first -> orders.createOrder(orders.buyer, tickets.get(1)))
            .compose(second -> orders.refusal(Command.CREATE_ORDER, orders.buyer, new JsonObject().put("ticketId", tickets.get(2)))
                .compose(refused -> {
                  test.verify(() -> {
                    assertEquals(429, refused.status());
                    assertEquals(OVER_CAP, refused.errors().get(0).message());
                  });
                  return orders.cancelOrder(orders.buyer, second.getString("id"));
                }))
            .compose(cancelled -> orders.createOrder(orders.buyer, tickets.get(2))))
        .onComplete(test.succeeding(third -> test.verify(() -> {
          assertEquals("created", third.getString("status"));
          test.completeNow();
        })));
  }

  @Test
  void theCapIsPerUser(VertxTestContext test) {
    String other = OrdersFixture.newId();
    listTickets(3).compose(tickets -> orders.createOrder(orders.buyer, tickets.get(0))
            .compose(first -> orders.createOrder(orders.buyer, tickets.get(1)))
            .compose(second -> orders.createOrder(other, tickets.get(2))))
        .onComplete(test.succeeding(order -> test.verify(() -> {
          assertEquals(other, order.getString("userId"));
          test.completeNow();
        })));
  }

  @Test
  void oneUserRacingForSixTicketsGetsExactlyTwo(VertxTestContext test) {
    listTickets(6).compose(tickets -> {
          // Sent together: they compete for the two hold slots, which only the unique index can arbitrate.
          List<Future<String>> attempts = tickets.stream()
              .map(ticketId -> orders.createOrder(orders.buyer, ticketId).map(order -> "won")
                  .recover(failure -> Future.succeededFuture(OrdersFixture.describe(failure))))
              .toList();
          return Future.all(attempts).map(all -> all.<String>list());
        })
        .compose(outcomes -> orders.db().count("orders", new JsonObject().put("userId", orders.buyer)).map(stored -> {
          test.verify(() -> {
            assertEquals(2, outcomes.stream().filter("won"::equals).count(), outcomes.toString());
            assertEquals(4, outcomes.stream().filter(outcome -> outcome.startsWith("429 ")).count(), outcomes.toString());
            assertEquals(2L, stored);
          });
          return stored;
        }))
        .onComplete(test.succeedingThenComplete());
  }

  private Future<List<String>> listTickets(int count) {
    return Future.all(IntStream.range(0, count).mapToObj(i -> orders.listTicket("Show " + i, 1000 + i, orders.seller)).toList())
        .map(all -> all.<String>list());
  }
}
