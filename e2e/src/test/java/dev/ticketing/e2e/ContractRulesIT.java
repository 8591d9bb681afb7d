package dev.ticketing.e2e;

import static dev.ticketing.e2e.support.Shopper.expect;
import static dev.ticketing.platform.testing.Blocking.await;
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

  /** The answer has this status, the error shape, this first message (when given) and nosniff. */
  private static void assertError(int status, String message, Future<HttpResponse<Buffer>> response) throws Exception {
    HttpResponse<Buffer> reply = await(response);
    JsonArray errors = reply.statusCode() == status ? reply.bodyAsJsonObject().getJsonArray("errors") : null;
    boolean matches = errors != null && !errors.isEmpty()
        && (message == null || message.equals(errors.getJsonObject(0).getString("message")))
        && "nosniff".equals(reply.getHeader("X-Content-Type-Options"));
    assertTrue(matches, "expected " + status + " " + message + ", got " + reply.statusCode() + " " + reply.bodyAsString());
  }

  /** The field errors of a 400, by field. */
  private static JsonObject fieldErrors(Future<HttpResponse<Buffer>> response) throws Exception {
    HttpResponse<Buffer> reply = await(response);
    assertEquals(400, reply.statusCode(), reply.bodyAsString());
    JsonObject byField = new JsonObject();
    reply.bodyAsJsonObject().getJsonArray("errors")
        .forEach(e -> byField.put(((JsonObject) e).getString("field"), ((JsonObject) e).getString("message")));
    return byField;
  }

  private static JsonObject ticket(String title, Object price) {
    return new JsonObject().put("title", title).put("price", price);
  }

  @Test
  void tickets(Vertx vertx) throws Exception {
    Shopper anonymous = new Shopper(vertx, system);
    Shopper seller = new Shopper(vertx, system);
    Shopper other = new Shopper(vertx, system);
    String tag = UUID.randomUUID().toString().substring(0, 8);
    await(Future.all(seller.signUp(), other.signUp()));

    assertError(401, null, anonymous.send(POST, "/api/tickets", ticket("x", 1)));
    assertEquals(List.of("title", "price"), List.copyOf(fieldErrors(seller.send(POST, "/api/tickets", ticket("  ", 0))).fieldNames()));
    fieldErrors(seller.send(POST, "/api/tickets", ticket("t", "abc")));
    fieldErrors(seller.send(POST, "/api/tickets", ticket("t", 10.123)));
    fieldErrors(seller.send(POST, "/api/tickets", ticket("t", 1_000_001)));
    fieldErrors(seller.send(POST, "/api/tickets", ticket("t".repeat(201), 5)));
    // One after another: "newest first" is the order they were listed in.
    await(seller.sell("Cheap " + tag, "5"));
    await(seller.sell("Dear " + tag, 95.5));
    JsonObject mid = await(seller.sell("Mid " + tag, "20.50"));
    assertEquals(20.5, mid.getDouble("price"));
    assertEquals(0, mid.getInteger("version"));
    String midPath = "/api/tickets/" + mid.getString("id");

    HttpResponse<Buffer> page = await(seller.get("/api/tickets?q=" + tag + "&minPrice=10&maxPrice=96&limit=1"));
    assertEquals("Mid " + tag, page.bodyAsJsonArray().getJsonObject(0).getString("title"), "newest first");
    assertTrue(page.getHeader("Link").endsWith("; rel=\"next\""));
    HttpResponse<Buffer> second = await(seller.get(page.getHeader("Link").replaceAll("^<(.*)>.*$", "$1")));
    assertEquals("Dear " + tag, second.bodyAsJsonArray().getJsonObject(0).getString("title"));
    assertEquals(null, second.getHeader("Link"), "the last page has no next");
    assertError(400, null, seller.get("/api/tickets?limit=0"));
    assertError(404, null, seller.get("/api/tickets/" + NOWHERE));

    assertError(401, null, anonymous.send(PUT, midPath, ticket("x", 1)));
    assertError(403, null, other.send(PUT, midPath, ticket("x", 1)));
    assertError(404, null, seller.send(PUT, "/api/tickets/" + NOWHERE, ticket("x", 1)));
    fieldErrors(seller.send(PUT, midPath, ticket("", 1)));
    JsonObject edited = await(expect(200, seller.send(PUT, midPath, ticket("Mid (edited) " + tag, 21))));
    assertEquals(1, edited.getInteger("version"));
    assertEquals(21, edited.getInteger("price"));
    await(other.orderWhenKnown(mid.getString("id")));
    await(seller.eventuallySees("the ticket to show its reservation", midPath, shown -> shown.getString("orderId") != null));
    assertError(400, "Cannot edit a reserved ticket", seller.send(PUT, midPath, ticket("x", 1)));
  }

  @Test
  void orders(Vertx vertx) throws Exception {
    Shopper anonymous = new Shopper(vertx, system);
    Shopper seller = new Shopper(vertx, system);
    Shopper buyer = new Shopper(vertx, system);
    Shopper stranger = new Shopper(vertx, system);
    await(Future.all(seller.signUp(), buyer.signUp(), stranger.signUp()));
    String first = await(seller.sell("First", 10)).getString("id");
    String second = await(seller.sell("Second", 11)).getString("id");
    String third = await(seller.sell("Third", 12)).getString("id");

    assertError(401, null, anonymous.order(first));
    assertEquals("ticketId is required", fieldErrors(buyer.send(POST, "/api/orders", new JsonObject())).getString("ticketId"));
    assertError(404, null, buyer.order(NOWHERE));
    JsonObject firstOrder = await(buyer.orderWhenKnown(first));
    assertEquals("created", firstOrder.getString("status"));
    String firstOrderId = firstOrder.getString("id");
    assertError(400, "Ticket is already reserved", stranger.order(first));
    assertError(400, "You cannot buy your own ticket", seller.order(second));
    await(buyer.orderWhenKnown(second));
    assertError(429, null, buyer.order(third));

    assertError(401, null, anonymous.get("/api/orders"));
    JsonArray orders = await(buyer.get("/api/orders")).bodyAsJsonArray();
    assertEquals(2, orders.size());
    assertEquals("Second", orders.getJsonObject(0).getJsonObject("ticket").getString("title"), "newest first");
    assertError(403, null, stranger.showOrder(firstOrderId));
    assertError(404, null, buyer.showOrder(NOWHERE));

    assertError(403, null, stranger.cancel(firstOrderId));
    assertEquals(204, await(buyer.cancel(firstOrderId)).statusCode());
    JsonObject readable = await(expect(200, buyer.showOrder(firstOrderId)));
    assertEquals("cancelled", readable.getString("status"));
    assertEquals(1, readable.getInteger("version"));
    await(seller.eventuallySees("the first ticket to be free", "/api/tickets/" + first, shown -> shown.getValue("orderId") == null));
    await(buyer.orderWhenKnown(third)); // the cap counts unpaid holds only
  }

  @Test
  void payments(Vertx vertx) throws Exception {
    Shopper anonymous = new Shopper(vertx, system);
    Shopper seller = new Shopper(vertx, system);
    Shopper buyer = new Shopper(vertx, system);
    Shopper stranger = new Shopper(vertx, system);
    await(Future.all(seller.signUp(), buyer.signUp(), stranger.signUp()));
    String payable = await(buyer.orderWhenKnown(await(seller.sell("Pay me", 33)).getString("id"))).getString("id");
    String cancelled = await(buyer.orderWhenKnown(await(seller.sell("Cancel me", 44)).getString("id"))).getString("id");

    assertError(401, null, anonymous.pay(payable, "pm_card_visa"));
    assertTrue(fieldErrors(buyer.send(POST, "/api/payments", new JsonObject().put("orderId", payable))).containsKey("token"));
    assertError(404, null, buyer.pay(NOWHERE, "pm_card_visa"));
    await(Eventually.await(vertx, 20_000, "payments to know the order",
        () -> buyer.pay(payable, "pm_card_chargeDeclined").map(declined -> declined.statusCode() == 402)));
    assertError(403, null, stranger.pay(payable, "pm_card_visa"));

    await(buyer.cancel(cancelled));
    await(Eventually.await(vertx, 20_000, "payments to see the cancellation",
        () -> buyer.pay(cancelled, "pm_card_visa").map(refused -> refused.statusCode() == 400
            && "Cannot pay for a cancelled order".equals(Shopper.message(refused)))));

    assertEquals(payable, await(expect(201, buyer.pay(payable, "pm_card_visa"))).getString("orderId"));
    assertError(400, "Order has already been paid", buyer.pay(payable, "pm_card_visa"));
    await(buyer.eventuallySees("the order to complete", "/api/orders/" + payable, order -> "complete".equals(order.getString("status"))));
    assertError(400, null, buyer.cancel(payable));
  }

  @Test
  void usersAndEveryAnswerCarryTheHeadersTheContractAsksFor(Vertx vertx) throws Exception {
    Shopper someone = new Shopper(vertx, system);
    await(someone.signUp());

    assertError(400, "Email in use", someone.send(POST, "/api/users/signup",
        new JsonObject().put("email", someone.email()).put("password", "another long one")));
    assertError(400, "Invalid credentials", someone.send(POST, "/api/users/signin",
        new JsonObject().put("email", someone.email()).put("password", "wrong password")));
    HttpResponse<Buffer> page = await(someone.send(GET, "/", null));
    assertEquals(200, page.statusCode());
    assertTrue(page.getHeader("Content-Security-Policy").contains("frame-ancestors 'none'"));
    assertEquals("DENY", page.getHeader("X-Frame-Options"));
    assertEquals("nosniff", page.getHeader("X-Content-Type-Options"));
    HttpResponse<Buffer> notAllowed = await(someone.send(DELETE, "/api/users/currentuser", null));
    assertEquals(405, notAllowed.statusCode());
    assertEquals("nosniff", notAllowed.getHeader("X-Content-Type-Options"));
  }
}
