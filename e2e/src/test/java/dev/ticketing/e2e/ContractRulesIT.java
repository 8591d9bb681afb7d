package dev.ticketing.e2e;

import static dev.ticketing.e2e.support.Shopper.expect;
import static io.vertx.core.http.HttpMethod.DELETE;
import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;
import static io.vertx.core.http.HttpMethod.PUT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.e2e.support.LocalSystem;
import dev.ticketing.e2e.support.Shopper;
import dev.ticketing.platform.testing.Eventually;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The HTTP API's endpoint table (the OpenAPI document in contracts/), row by row, through the
 * gateway of a clustered system: each rule's success and each listed error, with the error shape
 * and nosniff on every answer.
 */
@ExtendWith(VertxExtension.class)
class ContractRulesIT {

  private static final String NOWHERE = "000000000000000000000000";
  @RegisterExtension
  static final LocalSystem system = LocalSystem.forTests("contract-rules", LocalSystem.EVERY_SERVICE,
        Map.of("MAX_ACTIVE_HOLDS_PER_USER", "2"));

  /** Fails unless the response has this status, the error shape, this first message (when given) and nosniff. */
  private static Future<Void> error(int status, String message, Future<HttpResponse<Buffer>> response) {
    return response.compose(reply -> {
      JsonArray errors = reply.statusCode() == status ? reply.bodyAsJsonObject().getJsonArray("errors") : null;
      boolean matches = errors != null && !errors.isEmpty()
          && (message == null || message.equals(errors.getJsonObject(0).getString("message")))
          && "nosniff".equals(reply.getHeader("X-Content-Type-Options"));
      return matches ? Future.<Void>succeededFuture()
          : Future.failedFuture(new AssertionError("expected " + status + " " + message + ", got " + reply.statusCode() + " " + reply.bodyAsString()));
    });
  }

  /** The field errors of a 400, by field. */
  private static Future<JsonObject> fieldErrors(Future<HttpResponse<Buffer>> response) {
    return response.map(reply -> {
      assertEquals(400, reply.statusCode(), reply.bodyAsString());
      JsonObject byField = new JsonObject();
      reply.bodyAsJsonObject().getJsonArray("errors").forEach(e -> byField.put(((JsonObject) e).getString("field"), ((JsonObject) e).getString("message")));
      return byField;
    });
  }


  private static Future<Void> until(Vertx vertx, Shopper who, String path, java.util.function.Predicate<JsonObject> done) {
    return Eventually.await(vertx, 20_000, path, () -> who.get(path).map(reply -> done.test(reply.bodyAsJsonObject())));
  }

  @Test
  void tickets(Vertx vertx, VertxTestContext test) {
    Shopper anonymous = new Shopper(vertx, system);
    Shopper seller = new Shopper(vertx, system);
    Shopper other = new Shopper(vertx, system);
    String tag = UUID.randomUUID().toString().substring(0, 8);
    Future.all(seller.signUp(), other.signUp())
        .compose(users -> error(401, null, anonymous.send(POST, "/api/tickets", new JsonObject().put("title", "x").put("price", 1))))
        .compose(unauthorized -> fieldErrors(seller.send(POST, "/api/tickets", new JsonObject().put("title", "  ").put("price", 0))))
        .compose(invalid -> {
          test.verify(() -> assertEquals(List.of("title", "price"), List.copyOf(invalid.fieldNames())));
          return Future.all(List.of(
              fieldErrors(seller.send(POST, "/api/tickets", new JsonObject().put("title", "t").put("price", "abc"))),
              fieldErrors(seller.send(POST, "/api/tickets", new JsonObject().put("title", "t").put("price", 10.123))),
              fieldErrors(seller.send(POST, "/api/tickets", new JsonObject().put("title", "t").put("price", 1_000_001))),
              fieldErrors(seller.send(POST, "/api/tickets", new JsonObject().put("title", "t".repeat(201)).put("price", 5)))));
        })
        // One after another: "newest first" is the order they were listed in.
        .compose(invalid -> seller.sell("Cheap " + tag, "5"))
        .compose(cheap -> seller.sell("Dear " + tag, 95.5))
        .compose(dear -> seller.sell("Mid " + tag, "20.50"))
        .compose(mid -> {
          test.verify(() -> {
            assertEquals(20.5, mid.getDouble("price"));
            assertEquals(0, mid.getInteger("version"));
          });
          return seller.get("/api/tickets?q=" + tag + "&minPrice=10&maxPrice=96&limit=1")
              .compose(page -> {
                test.verify(() -> {
                  assertEquals("Mid " + tag, page.bodyAsJsonArray().getJsonObject(0).getString("title"), "newest first");
                  assertTrue(page.getHeader("Link").endsWith("; rel=\"next\""));
                });
                String next = page.getHeader("Link").replaceAll("^<(.*)>.*$", "$1");
                return seller.get(next);
              })
              .compose(second -> {
                test.verify(() -> {
                  assertEquals("Dear " + tag, second.bodyAsJsonArray().getJsonObject(0).getString("title"));
                  assertEquals(null, second.getHeader("Link"), "the last page has no next");
                });
                return error(400, null, seller.get("/api/tickets?limit=0"));
              })
              .compose(badQuery -> error(404, null, seller.get("/api/tickets/" + NOWHERE)))
              .compose(missing -> error(401, null, anonymous.send(PUT, "/api/tickets/" + mid.getString("id"), new JsonObject().put("title", "x").put("price", 1))))
              .compose(unauthorized -> error(403, null, other.send(PUT, "/api/tickets/" + mid.getString("id"), new JsonObject().put("title", "x").put("price", 1))))
              .compose(notOwner -> error(404, null, seller.send(PUT, "/api/tickets/" + NOWHERE, new JsonObject().put("title", "x").put("price", 1))))
              .compose(missing -> fieldErrors(seller.send(PUT, "/api/tickets/" + mid.getString("id"), new JsonObject().put("title", "").put("price", 1))))
              .compose(invalid -> expect(200, seller.send(PUT, "/api/tickets/" + mid.getString("id"), new JsonObject().put("title", "Mid (edited) " + tag).put("price", 21))))
              .compose(edited -> {
                test.verify(() -> {
                  assertEquals(1, edited.getInteger("version"));
                  assertEquals(21, edited.getInteger("price"));
                });
                return other.orderWhenKnown(mid.getString("id"));
              })
              .compose(reserved -> until(vertx, seller, "/api/tickets/" + mid.getString("id"), ticket -> ticket.getString("orderId") != null))
              .compose(reserved -> error(400, "Cannot edit a reserved ticket",
                  seller.send(PUT, "/api/tickets/" + mid.getString("id"), new JsonObject().put("title", "x").put("price", 1))));
        })
        .onComplete(test.succeedingThenComplete());
  }

  @Test
  void orders(Vertx vertx, VertxTestContext test) {
    Shopper anonymous = new Shopper(vertx, system);
    Shopper seller = new Shopper(vertx, system);
    Shopper buyer = new Shopper(vertx, system);
    Shopper stranger = new Shopper(vertx, system);
    Future.all(seller.signUp(), buyer.signUp(), stranger.signUp())
        .compose(users -> Future.all(seller.sell("First", 10), seller.sell("Second", 11), seller.sell("Third", 12)))
        .compose(tickets -> {
          String first = tickets.<JsonObject>resultAt(0).getString("id");
          String second = tickets.<JsonObject>resultAt(1).getString("id");
          String third = tickets.<JsonObject>resultAt(2).getString("id");
          return error(401, null, anonymous.order(first))
              .compose(unauthorized -> fieldErrors(buyer.send(POST, "/api/orders", new JsonObject())))
              .compose(invalid -> {
                test.verify(() -> assertEquals("ticketId is required", invalid.getString("ticketId")));
                return error(404, null, buyer.order(NOWHERE));
              })
              .compose(unknown -> buyer.orderWhenKnown(first))
              .compose(firstOrder -> {
                test.verify(() -> assertEquals("created", firstOrder.getString("status")));
                return error(400, "Ticket is already reserved", stranger.order(first))
                    .compose(taken -> error(400, "You cannot buy your own ticket", seller.order(second)))
                    .compose(own -> buyer.orderWhenKnown(second))
                    .compose(secondOrder -> error(429, null, buyer.order(third)))
                    .compose(overCap -> error(401, null, anonymous.get("/api/orders")))
                    .compose(unauthorized -> buyer.get("/api/orders"))
                    .compose(mine -> {
                      JsonArray orders = mine.bodyAsJsonArray();
                      test.verify(() -> {
                        assertEquals(2, orders.size());
                        assertEquals("Second", orders.getJsonObject(0).getJsonObject("ticket").getString("title"), "newest first");
                      });
                      return error(403, null, stranger.showOrder(firstOrder.getString("id")));
                    })
                    .compose(notYours -> error(404, null, buyer.showOrder(NOWHERE)))
                    .compose(missing -> error(403, null, stranger.cancel(firstOrder.getString("id"))))
                    .compose(notYours -> buyer.cancel(firstOrder.getString("id")))
                    .compose(cancelled -> {
                      test.verify(() -> assertEquals(204, cancelled.statusCode()));
                      return expect(200, buyer.showOrder(firstOrder.getString("id")));
                    })
                    .compose(readable -> {
                      test.verify(() -> {
                        assertEquals("cancelled", readable.getString("status"));
                        assertEquals(1, readable.getInteger("version"));
                      });
                      return until(vertx, seller, "/api/tickets/" + first, ticket -> ticket.getValue("orderId") == null);
                    })
                    .compose(released -> buyer.orderWhenKnown(third)); // the cap counts unpaid holds only
              });
        })
        .onComplete(test.succeedingThenComplete());
  }

  @Test
  void payments(Vertx vertx, VertxTestContext test) {
    Shopper anonymous = new Shopper(vertx, system);
    Shopper seller = new Shopper(vertx, system);
    Shopper buyer = new Shopper(vertx, system);
    Shopper stranger = new Shopper(vertx, system);
    Future.all(seller.signUp(), buyer.signUp(), stranger.signUp())
        .compose(users -> Future.all(seller.sell("Pay me", 33), seller.sell("Cancel me", 44)))
        .compose(tickets -> Future.all(buyer.orderWhenKnown(tickets.<JsonObject>resultAt(0).getString("id")),
            buyer.orderWhenKnown(tickets.<JsonObject>resultAt(1).getString("id"))))
        .compose(orders -> {
          String payable = orders.<JsonObject>resultAt(0).getString("id");
          String cancelled = orders.<JsonObject>resultAt(1).getString("id");
          return error(401, null, anonymous.pay(payable, "pm_card_visa"))
              .compose(unauthorized -> fieldErrors(buyer.send(POST, "/api/payments", new JsonObject().put("orderId", payable))))
              .compose(invalid -> {
                test.verify(() -> assertTrue(invalid.containsKey("token")));
                return error(404, null, buyer.pay(NOWHERE, "pm_card_visa"));
              })
              .compose(unknown -> Eventually.await(vertx, 20_000, "payments to know the order",
                  () -> buyer.pay(payable, "pm_card_chargeDeclined").map(declined -> declined.statusCode() == 402)))
              .compose(declined -> error(403, null, stranger.pay(payable, "pm_card_visa")))
              .compose(notYours -> buyer.cancel(cancelled))
              .compose(done -> Eventually.await(vertx, 20_000, "payments to see the cancellation",
                  () -> buyer.pay(cancelled, "pm_card_visa").map(refused -> refused.statusCode() == 400
                      && "Cannot pay for a cancelled order".equals(Shopper.message(refused)))))
              .compose(refused -> expect(201, buyer.pay(payable, "pm_card_visa")))
              .compose(paid -> {
                test.verify(() -> assertEquals(payable, paid.getString("orderId")));
                return error(400, "Order has already been paid", buyer.pay(payable, "pm_card_visa"));
              })
              .compose(paidTwice -> until(vertx, buyer, "/api/orders/" + payable, order -> "complete".equals(order.getString("status"))))
              .compose(complete -> error(400, null, buyer.cancel(payable)));
        })
        .onComplete(test.succeedingThenComplete());
  }

  @Test
  void usersAndEveryAnswerCarryTheHeadersTheContractAsksFor(Vertx vertx, VertxTestContext test) {
    Shopper someone = new Shopper(vertx, system);
    someone.signUp()
        .compose(user -> error(400, "Email in use", someone.send(POST, "/api/users/signup",
            new JsonObject().put("email", someone.email()).put("password", "another long one"))))
        .compose(taken -> error(400, "Invalid credentials", someone.send(POST, "/api/users/signin",
            new JsonObject().put("email", someone.email()).put("password", "wrong password"))))
        .compose(wrong -> someone.send(GET, "/", null))
        .compose(page -> {
          test.verify(() -> {
            assertEquals(200, page.statusCode());
            assertTrue(page.getHeader("Content-Security-Policy").contains("frame-ancestors 'none'"));
            assertEquals("DENY", page.getHeader("X-Frame-Options"));
            assertEquals("nosniff", page.getHeader("X-Content-Type-Options"));
          });
          return someone.send(DELETE, "/api/users/currentuser", null);
        })
        .onComplete(test.succeeding(notAllowed -> test.verify(() -> {
          assertEquals(405, notAllowed.statusCode());
          assertEquals("nosniff", notAllowed.getHeader("X-Content-Type-Options"));
          test.completeNow();
        })));
  }
}
