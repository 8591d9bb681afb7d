package dev.ticketing.orders.commands;

import static dev.ticketing.platform.testing.Blocking.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ticketing.contracts.commands.Command;
import dev.ticketing.contracts.errors.ApiException;
import dev.ticketing.contracts.events.ExpirationComplete;
import dev.ticketing.contracts.events.PaymentCreated;
import dev.ticketing.orders.testing.OrdersFixture;
import dev.ticketing.platform.delivery.EventListener;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Payments asks for a lease before money moves; while it runs, expiry waits. */
class PaymentLeaseTest {

  @RegisterExtension
  final OrdersFixture orders = OrdersFixture.holdingATicket();

  @Test
  void theBuyerGetsALeaseWithThePriceOnceTheTicketShowsTheReservation() throws Exception {
    await(orders.reservationShown(orders.ticketId(), 1, orders.orderId(), orders.seller));

    JsonObject lease = await(orders.leasePayment(orders.buyer, orders.orderId()));

    assertEquals(orders.orderId(), lease.getString("orderId"));
    assertEquals(2000L, lease.getLong("price"));
    assertEquals(OrdersFixture.START.plus(OrdersFixture.LEASE).truncatedTo(ChronoUnit.MICROS),
        Instant.parse(lease.getString("leaseUntil")).truncatedTo(ChronoUnit.MICROS));
  }

  @Test
  void aLeaseAskedBeforeTheReservationShowsWaitsForIt() throws Exception {
    Future<JsonObject> lease = orders.leasePayment(orders.buyer, orders.orderId());
    orders.vertx().setTimer(300, id -> orders.reservationShown(orders.ticketId(), 1, orders.orderId(), orders.seller));

    assertEquals(orders.orderId(), await(lease).getString("orderId"));
  }

  @Test
  void aReservationThatNeverShowsIsATryAgainNotAPayment() throws Exception {
    ApiException refused = await(orders.refusal(Command.LEASE_PAYMENT, orders.buyer, leaseOf(orders.orderId())));

    assertEquals(409, refused.status());
  }

  @Test
  void onlyTheBuyerOfAnUnpaidLiveOrderGetsALease() throws Exception {
    await(orders.reservationShown(orders.ticketId(), 1, orders.orderId(), orders.seller));

    assertEquals(403, await(orders.refusal(Command.LEASE_PAYMENT, OrdersFixture.newId(), leaseOf(orders.orderId()))).status());
    assertEquals(404, await(orders.refusal(Command.LEASE_PAYMENT, orders.buyer, leaseOf(OrdersFixture.newId()))).status());
    assertEquals(400, await(orders.refusal(Command.LEASE_PAYMENT, orders.buyer, leaseOf(""))).status());
    orders.clock.advance(OrdersFixture.WINDOW);
    ApiException expired = await(orders.refusal(Command.LEASE_PAYMENT, orders.buyer, leaseOf(orders.orderId())));
    assertEquals(400, expired.status());
    assertEquals("Order has expired", expired.getMessage());
  }

  @Test
  void expiryWaitsWhileALeaseRunsAndAPaymentInItCompletesTheOrder() throws Exception {
    leaseOneSecondBeforeTheWindowEnds();
    orders.clock.advance(Duration.ofSeconds(5)); // past expiresAt, inside the lease

    assertEquals(EventListener.OUT_OF_ORDER, await(orders.refusedCode(new ExpirationComplete(orders.orderId()))),
        "expiry waits for the payment");
    JsonObject paid = await(orders.publish(new PaymentCreated(OrdersFixture.newId(), orders.orderId(), "pi_1")));
    assertEquals("APPLIED", paid.getString("outcome"));
    assertEquals("complete", await(orders.stored(orders.orderId())).getString("status"));
  }

  @Test
  void onceTheLeaseRunsOutExpiryGoesAhead() throws Exception {
    leaseOneSecondBeforeTheWindowEnds();
    orders.clock.advance(OrdersFixture.LEASE.plusSeconds(1));

    JsonObject expired = await(orders.publish(new ExpirationComplete(orders.orderId())));

    assertEquals("APPLIED", expired.getString("outcome"));
  }

  private void leaseOneSecondBeforeTheWindowEnds() throws Exception {
    await(orders.reservationShown(orders.ticketId(), 1, orders.orderId(), orders.seller));
    orders.clock.advance(OrdersFixture.WINDOW.minus(Duration.ofSeconds(1)));
    await(orders.leasePayment(orders.buyer, orders.orderId()));
  }

  private static JsonObject leaseOf(String orderId) {
    return new JsonObject().put("orderId", orderId);
  }
}
