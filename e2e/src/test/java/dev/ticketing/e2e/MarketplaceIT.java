package dev.ticketing.e2e;

import static dev.ticketing.e2e.support.Shopper.expect;
import static dev.ticketing.e2e.support.Shopper.message;
import static dev.ticketing.platform.testing.Blocking.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.e2e.support.LocalSystem;
import dev.ticketing.e2e.support.Shopper;
import dev.ticketing.platform.mongo.Mongo;
import dev.ticketing.platform.mongo.MongoSettings;
import dev.ticketing.platform.testing.Eventually;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole story of the contract, every service in its own JVM on a real Hazelcast cluster, with
 * the Mongo wire server, redis-server and the Stripe sandbox (answering 700 ms late, so a payment
 * can be overtaken by a cancellation; its webhooks are off here, for they would tell payments of a
 * success before that late answer and close the window this suite needs).
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MarketplaceIT {

  private static final Logger log = LoggerFactory.getLogger(MarketplaceIT.class);
  private static final long EVENTUALLY_MS = 20_000;
  @RegisterExtension
  static final LocalSystem system = LocalSystem.forTests("marketplace", LocalSystem.EVERY_SERVICE,
        Map.of("ORDER_EXPIRATION_SECONDS", "60", "STRIPE_SANDBOX_LATENCY_MS", "700", "STRIPE_SANDBOX_WEBHOOK_URL", ""));

  @Test
  void aTicketIsListedReservedPaidAndSold(Vertx vertx) throws Exception {
    Shopper seller = new Shopper(vertx, system);
    Shopper buyer = new Shopper(vertx, system);
    await(Future.all(seller.signUp(), buyer.signUp()));

    JsonObject ticket = await(seller.sell("Symphony No. 9", 20.5));
    assertEquals(20.5, ticket.getDouble("price"));
    assertEquals(0, ticket.getInteger("version"));
    String ticketId = ticket.getString("id");

    JsonObject order = await(buyer.orderWhenKnown(ticketId));
    long ordered = System.nanoTime();
    assertEquals("created", order.getString("status"));
    assertEquals(ticketId, order.getJsonObject("ticket").getString("id"));
    String orderId = order.getString("id");
    await(buyer.eventuallySees("the ticket to show the reservation", "/api/tickets/" + ticketId,
        shown -> orderId.equals(shown.getString("orderId"))));
    log.info("order-to-reserved lag (HTTP polling every 25 ms included): {} ms", (System.nanoTime() - ordered) / 1_000_000);

    JsonObject payment = await(expect(201, buyer.pay(orderId, "pm_card_visa")));
    assertEquals(orderId, payment.getString("orderId"));
    assertTrue(payment.getString("stripeId").startsWith("pi_"));
    await(buyer.eventuallySees("the order to complete", "/api/orders/" + orderId, shown -> "complete".equals(shown.getString("status"))));
    await(seller.eventuallySees("the listing to show it sold", "/api/tickets/" + ticketId,
        shown -> Boolean.TRUE.equals(shown.getBoolean("sold"))));
    await(expect(400, buyer.pay(orderId, "pm_card_visa")));
    HttpResponse<Buffer> listing = await(seller.get("/api/tickets?limit=100"));
    assertFalse(listing.bodyAsJsonArray().stream().anyMatch(item -> ticketId.equals(((JsonObject) item).getString("id"))),
        "a sold ticket is not listed");
  }

  @Test
  void fiftyBuyersRaceForOneTicketAndExactlyOneWins(Vertx vertx) throws Exception {
    Shopper seller = new Shopper(vertx, system);
    List<Shopper> buyers = IntStream.range(0, 50).mapToObj(i -> new Shopper(vertx, system)).toList();
    await(seller.signUp());
    String ticketId = await(seller.sell("Final match", "75.00")).getString("id");
    await(Future.all(buyers.stream().map(Shopper::signUp).toList()));

    List<HttpResponse<Buffer>> responses = await(reserveOnce(buyers, ticketId));

    long winners = responses.stream().filter(response -> response.statusCode() == 201).count();
    List<String> losers = responses.stream().filter(response -> response.statusCode() != 201)
        .map(response -> response.statusCode() + " " + message(response)).distinct().toList();
    log.info("race of 50 buyers: {} winner(s), losers answered {}", winners, losers);
    assertEquals(1, winners);
    assertEquals(List.of("400 Ticket is already reserved"), losers);
  }

  /** Every buyer presses Buy at once; repeated only if orders has not heard of the ticket yet (all 404). */
  private static Future<List<HttpResponse<Buffer>>> reserveOnce(List<Shopper> buyers, String ticketId) {
    List<Future<HttpResponse<Buffer>>> attempts = buyers.stream().map(buyer -> buyer.order(ticketId)).toList();
    return Future.all(attempts).compose(all -> {
      List<HttpResponse<Buffer>> responses = attempts.stream().map(Future::result).toList();
      boolean unknownYet = responses.stream().allMatch(response -> response.statusCode() == 404);
      return unknownYet ? reserveOnce(buyers, ticketId) : Future.succeededFuture(responses);
    });
  }

  @Test
  void aDeclinedCardLeavesTheOrderPayable(Vertx vertx) throws Exception {
    Shopper seller = new Shopper(vertx, system);
    Shopper buyer = new Shopper(vertx, system);
    await(Future.all(seller.signUp(), buyer.signUp()));
    String orderId = await(buyer.orderWhenKnown(await(seller.sell("Opera night", 45)).getString("id"))).getString("id");

    HttpResponse<Buffer> declined = await(payOnceKnown(vertx, buyer, orderId, "pm_card_chargeDeclined"));

    assertEquals(402, declined.statusCode(), declined.bodyAsString());
    assertTrue(message(declined).toLowerCase().contains("declined"), message(declined));
    assertEquals("created", await(expect(200, buyer.showOrder(orderId))).getString("status"));
    await(expect(201, buyer.pay(orderId, "tok_visa")));
    await(buyer.eventuallySees("the order to complete", "/api/orders/" + orderId, shown -> "complete".equals(shown.getString("status"))));
  }

  /** Pays as soon as payments has heard of the order (until then it answers 404): that first answer. */
  private static Future<HttpResponse<Buffer>> payOnceKnown(Vertx vertx, Shopper buyer, String orderId, String token) {
    Promise<HttpResponse<Buffer>> answer = Promise.promise();
    Eventually.await(vertx, EVENTUALLY_MS, "the order to be payable", () -> buyer.pay(orderId, token).map(response -> {
      if (response.statusCode() == 404) {
        return false; // payments has not heard of the order yet
      }
      answer.tryComplete(response);
      return true;
    })).onFailure(answer::tryFail);
    return answer.future();
  }

  @Test
  void aPaymentThatSucceedsForAnOrderCancelledMeanwhileIsRefunded(Vertx vertx) throws Exception {
    Shopper seller = new Shopper(vertx, system);
    Shopper buyer = new Shopper(vertx, system);
    await(Future.all(seller.signUp(), buyer.signUp()));
    String ticketId = await(seller.sell("Late night show", 30)).getString("id");
    String orderId = await(buyer.orderWhenKnown(ticketId)).getString("id");
    await(Eventually.await(vertx, EVENTUALLY_MS, "payments to know the order",
        () -> buyer.pay(orderId, "pm_card_chargeDeclined").map(response -> response.statusCode() == 402)));

    // The sandbox answers 700 ms late: the buyer cancels while Stripe is still charging.
    Future<HttpResponse<Buffer>> payment = buyer.pay(orderId, "pm_card_visa");
    Promise<HttpResponse<Buffer>> cancelling = Promise.promise();
    vertx.setTimer(250, id -> buyer.cancel(orderId).onComplete(cancelling));
    HttpResponse<Buffer> cancelled = await(cancelling.future());
    HttpResponse<Buffer> paid = await(payment);

    assertEquals(204, cancelled.statusCode(), cancelled.bodyAsString());
    assertEquals(400, paid.statusCode(), paid.bodyAsString());
    assertTrue(message(paid).contains("refunded"), message(paid));
    assertNotNull(await(refundRecorded(vertx, orderId)).getString("id"));
    await(seller.eventuallySees("the ticket to be released", "/api/tickets/" + ticketId, shown -> shown.getValue("orderId") == null));
  }

  /** The refund payments recorded on the order, read from its database once it is there. */
  private static Future<JsonObject> refundRecorded(Vertx vertx, String orderId) {
    MongoClient payments = Mongo.client(vertx, new MongoSettings(system.mongoUri(), "payments"));
    Promise<JsonObject> refund = Promise.promise();
    Eventually.await(vertx, EVENTUALLY_MS, "the refund to be recorded", () -> payments
            .findOne("orders", new JsonObject().put("_id", orderId), null)
            .map(stored -> {
              if (stored != null && stored.getJsonObject("refund") != null) {
                refund.tryComplete(stored.getJsonObject("refund"));
                return true;
              }
              return false;
            }))
        .onFailure(refund::tryFail)
        .onComplete(done -> payments.close());
    return refund.future();
  }

  @Test
  void anOrderPlacedWhileTicketsIsDownReservesTheTicketWhenItReturns(Vertx vertx) throws Exception {
    Shopper seller = new Shopper(vertx, system);
    Shopper buyer = new Shopper(vertx, system);
    await(Future.all(seller.signUp(), buyer.signUp()));
    String ticketId = await(seller.sell("Jazz brunch", 12.75)).getString("id");
    await(buyer.cancel(await(buyer.orderWhenKnown(ticketId)).getString("id")));
    await(seller.eventuallySees("the ticket to be free", "/api/tickets/" + ticketId, shown -> shown.getValue("orderId") == null));

    system.stop("tickets"); // SIGTERM: the JVM leaves the cluster
    JsonObject order = await(expect(201, buyer.order(ticketId)));
    system.restart("tickets");

    await(seller.eventuallySees("the reservation to reach the returning tickets service", "/api/tickets/" + ticketId,
        shown -> order.getString("id").equals(shown.getString("orderId"))));
  }

  @Test
  void badRequestsAreClear4xxAnswers(Vertx vertx) throws Exception {
    Shopper seller = new Shopper(vertx, system);
    Shopper buyer = new Shopper(vertx, system);
    Shopper stranger = new Shopper(vertx, system);
    await(Future.all(seller.signUp(), buyer.signUp(), stranger.signUp()));
    String orderId = await(buyer.orderWhenKnown(await(seller.sell("Comedy club", "19.99")).getString("id"))).getString("id");

    assertStatus(404, buyer.get("/api/tickets/000000000000000000000000"));
    assertStatus(404, buyer.get("/api/tickets/not-an-id"));
    assertStatus(404, buyer.showOrder("000000000000000000000000"));
    assertStatus(403, stranger.showOrder(orderId));
    assertStatus(403, stranger.cancel(orderId));
    assertStatus(404, buyer.order("000000000000000000000000"));
    assertStatus(400, buyer.pay(orderId, ""));
    assertStatus(404, buyer.pay("000000000000000000000000", "pm_card_visa"));
  }

  /** The answer has this status and the JSON error shape. */
  private static void assertStatus(int expected, Future<HttpResponse<Buffer>> response) throws Exception {
    HttpResponse<Buffer> reply = await(response);
    assertEquals(expected, reply.statusCode(), reply.bodyAsString());
    assertTrue(reply.bodyAsJsonObject().containsKey("errors"), reply.bodyAsString());
  }
}
