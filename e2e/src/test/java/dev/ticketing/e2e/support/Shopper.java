package dev.ticketing.e2e.support;

import dev.ticketing.platform.testing.Eventually;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.client.WebClientSession;
import java.util.UUID;
import java.util.function.Predicate;

/** One person using the HTTP API with their own cookie jar, as a browser or curl would. */
public final class Shopper {

  private final Vertx vertx;
  private final WebClientSession http;
  private final String email = "shopper-" + UUID.randomUUID() + "@example.com";

  public Shopper(Vertx vertx, LocalSystem system) {
    this.vertx = vertx;
    this.http = WebClientSession.create(WebClient.create(vertx, new WebClientOptions()
        .setDefaultHost("127.0.0.1").setDefaultPort(system.gatewayPort()), new PoolOptions().setHttp1MaxSize(100)));
  }

  public String email() {
    return email;
  }

  public Future<JsonObject> signUp() {
    return expect(201, http.post("/api/users/signup").sendJsonObject(
        new JsonObject().put("email", email).put("password", "a long password")));
  }

  public Future<JsonObject> sell(String title, Object price) {
    return expect(201, http.post("/api/tickets").sendJsonObject(new JsonObject().put("title", title).put("price", price)));
  }

  public Future<HttpResponse<Buffer>> ticket(String id) {
    return http.get("/api/tickets/" + id).send();
  }

  public Future<HttpResponse<Buffer>> order(String ticketId) {
    return http.post("/api/orders").sendJsonObject(new JsonObject().put("ticketId", ticketId));
  }

  /**
   * Orders the ticket as soon as orders knows it (its listing travels as an event, so a fresh
   * ticket may be a 404 for a moment): the 201 body; fails on any other answer or after 20 s.
   */
  public Future<JsonObject> orderWhenKnown(String ticketId) {
    Promise<JsonObject> order = Promise.promise();
    Eventually.await(vertx, 20_000, "the ticket to be orderable", () -> order(ticketId).map(response -> {
      if (response.statusCode() == 201) {
        order.tryComplete(response.bodyAsJsonObject());
      } else if (response.statusCode() != 404) {
        order.tryFail(new AssertionError("order refused: " + response.statusCode() + " " + response.bodyAsString()));
      }
      return response.statusCode() != 404;
    })).onFailure(order::tryFail);
    return order.future();
  }

  /** Polls GET {@code path} until its JSON body satisfies {@code condition} (events travel between services); 20 s at most. */
  public Future<Void> eventuallySees(String what, String path, Predicate<JsonObject> condition) {
    return Eventually.await(vertx, 20_000, what, () -> get(path).map(response -> condition.test(response.bodyAsJsonObject())));
  }

  public Future<HttpResponse<Buffer>> showOrder(String orderId) {
    return http.get("/api/orders/" + orderId).send();
  }

  public Future<HttpResponse<Buffer>> cancel(String orderId) {
    return http.delete("/api/orders/" + orderId).send();
  }

  public Future<HttpResponse<Buffer>> pay(String orderId, String token) {
    return http.post("/api/payments").sendJsonObject(new JsonObject().put("orderId", orderId).put("token", token));
  }

  public Future<HttpResponse<Buffer>> get(String path) {
    return http.get(path).send();
  }

  /** Any request; a null body sends none. */
  public Future<HttpResponse<Buffer>> send(HttpMethod method, String path, JsonObject body) {
    var request = http.request(method, path);
    return body == null ? request.send() : request.sendJsonObject(body);
  }

  /** The body of a response with the expected status, or a failure that shows what came instead. */
  public static Future<JsonObject> expect(int status, Future<HttpResponse<Buffer>> response) {
    return response.compose(reply -> reply.statusCode() == status
        ? Future.succeededFuture(reply.bodyAsJsonObject())
        : Future.failedFuture(new AssertionError("expected " + status + ", got " + reply.statusCode() + " " + reply.bodyAsString())));
  }

  /** The first error message of an error response. */
  public static String message(HttpResponse<Buffer> response) {
    return response.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0).getString("message");
  }
}
