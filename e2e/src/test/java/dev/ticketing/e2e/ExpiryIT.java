package dev.ticketing.e2e;

import static dev.ticketing.e2e.support.Shopper.expect;
import static dev.ticketing.platform.testing.Blocking.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ticketing.e2e.support.LocalSystem;
import dev.ticketing.e2e.support.Shopper;
import dev.ticketing.platform.testing.Eventually;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
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
  void anUnpaidOrderExpiresAndItsTicketCanBeOrderedAgain(Vertx vertx) throws Exception {
    Shopper seller = new Shopper(vertx, system);
    Shopper first = new Shopper(vertx, system);
    Shopper second = new Shopper(vertx, system);
    await(Future.all(seller.signUp(), first.signUp(), second.signUp()));
    String ticketId = await(seller.sell("Matinee", 9.5)).getString("id");

    JsonObject order = await(first.orderWhenKnown(ticketId));

    Instant expiresAt = Instant.parse(order.getString("expiresAt"));
    long window = Duration.between(Instant.now(), expiresAt).toMillis();
    assertEquals(true, window > 0 && window <= 2000, "expiresAt = now + 2 s, was " + window + " ms away");
    String orderId = order.getString("id");
    await(Eventually.await(vertx, 30_000, "the order to be cancelled",
        () -> first.showOrder(orderId).map(shown -> "cancelled".equals(shown.bodyAsJsonObject().getString("status")))));
    log.info("expiry observed {} ms after expiresAt (HTTP polling every 25 ms included)", Duration.between(expiresAt, Instant.now()).toMillis());
    await(expect(400, first.pay(orderId, "pm_card_visa")));
    await(Eventually.await(vertx, 30_000, "the ticket to be free again",
        () -> seller.ticket(ticketId).map(shown -> shown.bodyAsJsonObject().getValue("orderId") == null)));
    assertEquals("created", await(expect(201, second.order(ticketId))).getString("status"));
  }
}
