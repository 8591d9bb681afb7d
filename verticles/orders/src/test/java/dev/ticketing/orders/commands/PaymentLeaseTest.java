package dev.ticketing.orders.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ticketing.contracts.commands.Command;
import dev.ticketing.contracts.errors.ApiException;
import dev.ticketing.contracts.events.ExpirationComplete;
import dev.ticketing.contracts.events.PaymentCreated;
import dev.ticketing.orders.testing.OrdersFixture;
import dev.ticketing.platform.delivery.EventListener;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Payments asks for a lease before money moves; while it runs, expiry waits. */
@ExtendWith(VertxExtension.class)
class PaymentLeaseTest {

  @RegisterExtension
  final OrdersFixture orders = new OrdersFixture();
  private final String buyer = OrdersFixture.newId();
  private final String seller = OrdersFixture.newId();
  private Vertx vertx;
  private String ticketId;
  private String orderId;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext test) {
    this.vertx = vertx;
    orders.startHolding(vertx, buyer, seller)
        .onSuccess(held -> {
          ticketId = held.ticketId();
          orderId = held.orderId();
        })
        .onComplete(test.succeedingThenComplete());
  }

  @Test
  void theBuyerGetsALeaseWithThePriceOnceTheTicketShowsTheReservation(VertxTestContext test) {
    orders.reservationShown(ticketId, 1, orderId, seller)
        .compose(shown -> orders.leasePayment(buyer, orderId))
        .onComplete(test.succeeding(lease -> test.verify(() -> {
          assertEquals(orderId, lease.getString("orderId"));
          assertEquals(2000L, lease.getLong("price"));
          assertEquals(OrdersFixture.START.plus(OrdersFixture.LEASE).truncatedTo(java.time.temporal.ChronoUnit.MICROS),
              Instant.parse(lease.getString("leaseUntil")).truncatedTo(java.time.temporal.ChronoUnit.MICROS));
          test.completeNow();
        })));
  }

  @Test
  void aLeaseAskedBeforeTheReservationShowsWaitsForIt(VertxTestContext test) {
    Future<JsonObject> lease = orders.leasePayment(buyer, orderId);
    vertx.setTimer(300, id -> orders.reservationShown(ticketId, 1, orderId, seller));
    lease.onComplete(test.succeeding(granted -> test.verify(() -> {
      assertEquals(orderId, granted.getString("orderId"));
      test.completeNow();
    })));
  }

  @Test
  void aReservationThatNeverShowsIsATryAgainNotAPayment(VertxTestContext test) {
    orders.refusal(Command.LEASE_PAYMENT, buyer, new JsonObject().put("orderId", orderId))
        .onComplete(test.succeeding(refused -> test.verify(() -> {
          assertEquals(409, refused.status());
          test.completeNow();
        })));
  }

  @Test
  void onlyTheBuyerOfAnUnpaidLiveOrderGetsALease(VertxTestContext test) {
    orders.reservationShown(ticketId, 1, orderId, seller)
        .compose(shown -> Future.all(
            orders.refusal(Command.LEASE_PAYMENT, OrdersFixture.newId(), new JsonObject().put("orderId", orderId)),
            orders.refusal(Command.LEASE_PAYMENT, buyer, new JsonObject().put("orderId", OrdersFixture.newId())),
            orders.refusal(Command.LEASE_PAYMENT, buyer, new JsonObject().put("orderId", ""))))
        .compose(refusals -> {
          test.verify(() -> {
            assertEquals(403, refusals.<ApiException>resultAt(0).status());
            assertEquals(404, refusals.<ApiException>resultAt(1).status());
            assertEquals(400, refusals.<ApiException>resultAt(2).status());
          });
          orders.clock.advance(OrdersFixture.WINDOW);
          return orders.refusal(Command.LEASE_PAYMENT, buyer, new JsonObject().put("orderId", orderId));
        })
        .onComplete(test.succeeding(expired -> test.verify(() -> {
          assertEquals(400, expired.status());
          assertEquals("Order has expired", expired.getMessage());
          test.completeNow();
        })));
  }

  @Test
  void expiryWaitsWhileALeaseRunsAndAPaymentInItCompletesTheOrder(VertxTestContext test) {
    orders.reservationShown(ticketId, 1, orderId, seller)
        .compose(shown -> {
          orders.clock.advance(OrdersFixture.WINDOW.minus(Duration.ofSeconds(1)));
          return orders.leasePayment(buyer, orderId);
        })
        .compose(leased -> {
          orders.clock.advance(Duration.ofSeconds(5)); // past expiresAt, inside the lease
          return orders.refusedCode(new ExpirationComplete(orderId));
        })
        .compose(code -> {
          test.verify(() -> assertEquals(EventListener.OUT_OF_ORDER, code, "expiry waits for the payment"));
          return orders.publish(new PaymentCreated(OrdersFixture.newId(), orderId, "pi_1"));
        })
        .compose(paid -> {
          test.verify(() -> assertEquals("APPLIED", paid.getString("outcome")));
          return orders.stored(orderId);
        })
        .onComplete(test.succeeding(stored -> test.verify(() -> {
          assertEquals("complete", stored.getString("status"));
          test.completeNow();
        })));
  }

  @Test
  void onceTheLeaseRunsOutExpiryGoesAhead(VertxTestContext test) {
    orders.reservationShown(ticketId, 1, orderId, seller)
        .compose(shown -> {
          orders.clock.advance(OrdersFixture.WINDOW.minus(Duration.ofSeconds(1)));
          return orders.leasePayment(buyer, orderId);
        })
        .compose(leased -> {
          orders.clock.advance(OrdersFixture.LEASE.plusSeconds(1));
          return orders.publish(new ExpirationComplete(orderId));
        })
        .onComplete(test.succeeding(reply -> test.verify(() -> {
          assertEquals("APPLIED", reply.getString("outcome"));
          test.completeNow();
        })));
  }
}
