package dev.ticketing.e2e;

import static dev.ticketing.e2e.support.Shopper.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ticketing.e2e.support.LocalSystem;
import dev.ticketing.e2e.support.Shopper;
import dev.ticketing.platform.testing.Eventually;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A 2-second hold: an unpaid order expires through Redis, the ticket is freed and can be sold again. */
@ExtendWith(VertxExtension.class)
class ExpiryIT {

  private static final Logger log = LoggerFactory.getLogger(ExpiryIT.class);
  @RegisterExtension
  static final LocalSystem system = LocalSystem.forTests("expiry", LocalSystem.EVERY_SERVICE,
        Map.of("ORDER_EXPIRATION_SECONDS", "2"));

  @Test
  void anUnpaidOrderExpiresAndItsTicketCanBeOrderedAgain(Vertx vertx, VertxTestContext test) {
    Shopper seller = new Shopper(vertx, system);
    Shopper first = new Shopper(vertx, system);
    Shopper second = new Shopper(vertx, system);
    Future.all(seller.signUp(), first.signUp(), second.signUp())
        .compose(users -> seller.sell("Matinee", 9.5))
        .compose(ticket -> first.orderWhenKnown(ticket.getString("id")).compose(order -> {
          Instant expiresAt = Instant.parse(order.getString("expiresAt"));
          test.verify(() -> {
            long window = Duration.between(Instant.now(), expiresAt).toMillis();
            assertEquals(true, window > 0 && window <= 2000, "expiresAt = now + 2 s, was " + window + " ms away");
          });
          return Eventually.await(vertx, 30_000, "the order to be cancelled",
                  () -> first.showOrder(order.getString("id")).map(shown -> "cancelled".equals(shown.bodyAsJsonObject().getString("status"))))
              .onSuccess(cancelled -> log.info("expiry observed {} ms after expiresAt (HTTP polling every 25 ms included)",
                  Duration.between(expiresAt, Instant.now()).toMillis()))
              .compose(cancelled -> expect(400, first.pay(order.getString("id"), "pm_card_visa")))
              .compose(refused -> Eventually.await(vertx, 30_000, "the ticket to be free again",
                  () -> seller.ticket(ticket.getString("id")).map(shown -> shown.bodyAsJsonObject().getValue("orderId") == null)))
              .compose(free -> expect(201, second.order(ticket.getString("id"))));
        }))
        .onComplete(test.succeeding(reorder -> test.verify(() -> {
          assertEquals("created", reorder.getString("status"));
          test.completeNow();
        })));
  }

}
