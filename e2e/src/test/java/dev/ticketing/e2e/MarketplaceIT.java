package dev.ticketing.e2e;

import static dev.ticketing.e2e.support.Shopper.expect;
import static dev.ticketing.e2e.support.Shopper.message;
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
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
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
@Timeout(value = 120, timeUnit = TimeUnit.SECONDS)
class MarketplaceIT {

  private static final Logger log = LoggerFactory.getLogger(MarketplaceIT.class);
  private static final long EVENTUALLY_MS = 20_000;
  @RegisterExtension
  static final LocalSystem system = LocalSystem.forTests("marketplace", LocalSystem.EVERY_SERVICE,
        Map.of("ORDER_EXPIRATION_SECONDS", "60", "STRIPE_SANDBOX_LATENCY_MS", "700", "STRIPE_SANDBOX_WEBHOOK_URL", ""));

  /** Orders learns about a new ticket through an event: retry while it answers 404. */
  private static Future<JsonObject> reserve(Vertx vertx, Shopper buyer, String ticketId) {
    Promise<JsonObject> order = Promise.promise();
    Eventually.await(vertx, EVENTUALLY_MS, "the ticket to be orderable", () -> buyer.order(ticketId).map(response -> {
      if (response.statusCode() == 201) {
        order.tryComplete(response.bodyAsJsonObject());
        return true;
      }
      if (response.statusCode() != 404) {
        order.tryFail(new AssertionError("order refused: " + response.statusCode() + " " + response.bodyAsString()));
        return true;
      }
      return false;
    })).onFailure(order::tryFail);
    return order.future();
  }

  private static Future<Void> until(Vertx vertx, String what, Shopper who, String path, java.util.function.Predicate<JsonObject> done) {
    return Eventually.await(vertx, EVENTUALLY_MS, what, () -> who.get(path).map(response -> done.test(response.bodyAsJsonObject())));
  }

  @Test
  void aTicketIsListedReservedPaidAndSold(Vertx vertx, VertxTestContext test) {
    Shopper seller = new Shopper(vertx, system);
    Shopper buyer = new Shopper(vertx, system);
    Future.all(seller.signUp(), buyer.signUp())
        .compose(users -> seller.sell("Symphony No. 9", 20.5))
        .compose(ticket -> {
          test.verify(() -> {
            assertEquals(20.5, ticket.getDouble("price"));
            assertEquals(0, ticket.getInteger("version"));
          });
          return reserve(vertx, buyer, ticket.getString("id")).compose(order -> {
            long ordered = System.nanoTime();
            test.verify(() -> {
              assertEquals("created", order.getString("status"));
              assertEquals(ticket.getString("id"), order.getJsonObject("ticket").getString("id"));
            });
            return until(vertx, "the ticket to show the reservation", buyer, "/api/tickets/" + ticket.getString("id"),
                    shown -> order.getString("id").equals(shown.getString("orderId")))
                .onSuccess(reserved -> log.info("order-to-reserved lag (HTTP polling every 25 ms included): {} ms",
                    (System.nanoTime() - ordered) / 1_000_000))
                .compose(reserved -> expect(201, buyer.pay(order.getString("id"), "pm_card_visa")))
                .compose(payment -> {
                  test.verify(() -> {
                    assertEquals(order.getString("id"), payment.getString("orderId"));
                    assertTrue(payment.getString("stripeId").startsWith("pi_"));
                  });
                  return until(vertx, "the order to complete", buyer, "/api/orders/" + order.getString("id"),
                      shown -> "complete".equals(shown.getString("status")));
                })
                .compose(complete -> until(vertx, "the listing to show it sold", seller, "/api/tickets/" + ticket.getString("id"),
                    shown -> Boolean.TRUE.equals(shown.getBoolean("sold"))))
                .compose(sold -> expect(400, buyer.pay(order.getString("id"), "pm_card_visa")))
                .compose(paidTwice -> seller.get("/api/tickets?limit=100"))
                .map(listing -> {
                  test.verify(() -> assertFalse(listing.bodyAsJsonArray().stream()
                      .anyMatch(item -> ticket.getString("id").equals(((JsonObject) item).getString("id"))), "a sold ticket is not listed"));
                  return listing;
                });
          });
        })
        .onComplete(test.succeedingThenComplete());
  }

  @Test
  void fiftyBuyersRaceForOneTicketAndExactlyOneWins(Vertx vertx, VertxTestContext test) {
    Shopper seller = new Shopper(vertx, system);
    List<Shopper> buyers = IntStream.range(0, 50).mapToObj(i -> new Shopper(vertx, system)).toList();
    seller.signUp()
        .compose(user -> seller.sell("Final match", "75.00"))
        .compose(ticket -> Future.all(buyers.stream().map(Shopper::signUp).toList())
            .compose(signedUp -> reserveOnce(vertx, buyers, ticket.getString("id"))))
        .onComplete(test.succeeding(responses -> test.verify(() -> {
          long winners = responses.stream().filter(response -> response.statusCode() == 201).count();
          List<String> losers = responses.stream().filter(response -> response.statusCode() != 201)
              .map(response -> response.statusCode() + " " + message(response)).distinct().toList();
          log.info("race of 50 buyers: {} winner(s), losers answered {}", winners, losers);
          assertEquals(1, winners);
          assertEquals(List.of("400 Ticket is already reserved"), losers);
          test.completeNow();
        })));
  }

  /** Every buyer presses Buy at once; repeated only if orders has not heard of the ticket yet (all 404). */
  private static Future<List<HttpResponse<Buffer>>> reserveOnce(Vertx vertx, List<Shopper> buyers, String ticketId) {
    List<Future<HttpResponse<Buffer>>> attempts = buyers.stream().map(buyer -> buyer.order(ticketId)).toList();
    return Future.all(attempts).compose(all -> {
      List<HttpResponse<Buffer>> responses = attempts.stream().map(Future::result).toList();
      boolean unknownYet = responses.stream().allMatch(response -> response.statusCode() == 404);
      return unknownYet ? reserveOnce(vertx, buyers, ticketId) : Future.succeededFuture(responses);
    });
  }

  @Test
  void aDeclinedCardLeavesTheOrderPayable(Vertx vertx, VertxTestContext test) {
    Shopper seller = new Shopper(vertx, system);
    Shopper buyer = new Shopper(vertx, system);
    Future.all(seller.signUp(), buyer.signUp())
        .compose(users -> seller.sell("Opera night", 45))
        .compose(ticket -> reserve(vertx, buyer, ticket.getString("id")))
        .compose(order -> Eventually.await(vertx, EVENTUALLY_MS, "the order to be payable",
                () -> buyer.pay(order.getString("id"), "pm_card_chargeDeclined").map(declined -> {
                  if (declined.statusCode() == 404) {
                    return false; // payments has not heard of the order yet
                  }
                  test.verify(() -> {
                    assertEquals(402, declined.statusCode(), declined.bodyAsString());
                    assertTrue(message(declined).toLowerCase().contains("declined"), message(declined));
                  });
                  return true;
                }))
            .compose(declined -> expect(200, buyer.showOrder(order.getString("id"))))
            .compose(stillOpen -> {
              test.verify(() -> assertEquals("created", stillOpen.getString("status")));
              return expect(201, buyer.pay(order.getString("id"), "tok_visa"));
            })
            .compose(paid -> until(vertx, "the order to complete", buyer, "/api/orders/" + order.getString("id"),
                shown -> "complete".equals(shown.getString("status")))))
        .onComplete(test.succeedingThenComplete());
  }

  @Test
  void aPaymentThatSucceedsForAnOrderCancelledMeanwhileIsRefunded(Vertx vertx, VertxTestContext test) {
    Shopper seller = new Shopper(vertx, system);
    Shopper buyer = new Shopper(vertx, system);
    Future.all(seller.signUp(), buyer.signUp())
        .compose(users -> seller.sell("Late night show", 30))
        .compose(ticket -> reserve(vertx, buyer, ticket.getString("id")).compose(order -> {
          String orderId = order.getString("id");
          return payableOrder(vertx, buyer, orderId)
              .compose(known -> {
                // The sandbox answers 700 ms late: the buyer cancels while Stripe is still charging.
                Future<HttpResponse<Buffer>> payment = buyer.pay(orderId, "pm_card_visa");
                Promise<HttpResponse<Buffer>> cancelled = Promise.promise();
                vertx.setTimer(250, id -> buyer.cancel(orderId).onComplete(cancelled));
                return Future.all(payment, cancelled.future()).map(both -> {
                  test.verify(() -> {
                    assertEquals(204, cancelled.future().result().statusCode(), cancelled.future().result().bodyAsString());
                    HttpResponse<Buffer> paid = payment.result();
                    assertEquals(400, paid.statusCode(), paid.bodyAsString());
                    assertTrue(message(paid).contains("refunded"), message(paid));
                  });
                  return orderId;
                });
              })
              .compose(cancelledOrder -> refundRecorded(vertx, orderId))
              .compose(refund -> until(vertx, "the ticket to be released", seller, "/api/tickets/" + ticket.getString("id"),
                  shown -> shown.getValue("orderId") == null));
        }))
        .onComplete(test.succeedingThenComplete());
  }

  /** Waits until payments has heard of the order: a declined card is then a 402, not a 404. */
  private static Future<Void> payableOrder(Vertx vertx, Shopper buyer, String orderId) {
    return Eventually.await(vertx, EVENTUALLY_MS, "payments to know the order",
        () -> buyer.pay(orderId, "pm_card_chargeDeclined").map(response -> response.statusCode() == 402));
  }

  private static Future<JsonObject> refundRecorded(Vertx vertx, String orderId) {
    var payments = Mongo.client(vertx, new MongoSettings(system.mongoUri(), "payments"));
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
    return refund.future().onSuccess(recorded -> assertNotNull(recorded.getString("id")));
  }

  @Test
  void anOrderPlacedWhileTicketsIsDownReservesTheTicketWhenItReturns(Vertx vertx, VertxTestContext test) {
    Shopper seller = new Shopper(vertx, system);
    Shopper buyer = new Shopper(vertx, system);
    Future.all(seller.signUp(), buyer.signUp())
        .compose(users -> seller.sell("Jazz brunch", 12.75))
        .compose(ticket -> reserve(vertx, buyer, ticket.getString("id")).compose(first -> buyer.cancel(first.getString("id")))
            .compose(cancelled -> until(vertx, "the ticket to be free", seller, "/api/tickets/" + ticket.getString("id"),
                shown -> shown.getValue("orderId") == null))
            .compose(free -> vertx.executeBlocking(() -> {
              system.stop("tickets"); // SIGTERM: the JVM leaves the cluster
              return null;
            }))
            .compose(down -> expect(201, buyer.order(ticket.getString("id"))))
            .compose(order -> vertx.executeBlocking(() -> {
                  system.restart("tickets");
                  return null;
                })
                .compose(back -> until(vertx, "the reservation to reach the returning tickets service", seller,
                    "/api/tickets/" + ticket.getString("id"), shown -> order.getString("id").equals(shown.getString("orderId"))))))
        .onComplete(test.succeedingThenComplete());
  }

  @Test
  void badRequestsAreClear4xxAnswers(Vertx vertx, VertxTestContext test) {
    Shopper seller = new Shopper(vertx, system);
    Shopper buyer = new Shopper(vertx, system);
    Shopper stranger = new Shopper(vertx, system);
    Future.all(seller.signUp(), buyer.signUp(), stranger.signUp())
        .compose(users -> seller.sell("Comedy club", "19.99"))
        .compose(ticket -> reserve(vertx, buyer, ticket.getString("id")))
        .compose(order -> Future.all(List.of(
            status(404, buyer.get("/api/tickets/000000000000000000000000")),
            status(404, buyer.get("/api/tickets/not-an-id")),
            status(404, buyer.showOrder("000000000000000000000000")),
            status(403, stranger.showOrder(order.getString("id"))),
            status(403, stranger.cancel(order.getString("id"))),
            status(404, buyer.order("000000000000000000000000")),
            status(400, buyer.pay(order.getString("id"), "")),
            status(404, buyer.pay("000000000000000000000000", "pm_card_visa")))))
        .onComplete(test.succeedingThenComplete());
  }

  private static Future<Void> status(int expected, Future<HttpResponse<Buffer>> response) {
    return response.compose(reply -> reply.statusCode() == expected && reply.bodyAsJsonObject().containsKey("errors")
        ? Future.<Void>succeededFuture()
        : Future.failedFuture(new AssertionError("expected " + expected + " with errors, got " + reply.statusCode() + " " + reply.bodyAsString())));
  }
}
