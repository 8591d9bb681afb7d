package dev.ticketing.e2e.chaos;

import dev.ticketing.platform.mongo.Mongo;
import dev.ticketing.platform.mongo.MongoSettings;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Everything the invariants look at, read behind the API: each service's own database (through the
 * Mongo wire protocol, as the services read it) and the payment provider's records (Stripe's list
 * endpoints, paged as Stripe pages them). Read once, after the system settled.
 */
final class Snapshot {

  final Map<String, JsonObject> orders;
  final Map<String, JsonObject> orderSideTickets;
  final Map<String, JsonObject> tickets;
  final Map<String, JsonObject> paymentOrders;
  final List<JsonObject> deadLetters;
  final List<JsonObject> intents;
  final List<JsonObject> refunds;
  /** The provider's events (what its webhooks sent); empty where the provider keeps none. */
  final List<JsonObject> events;

  private Snapshot(Map<String, JsonObject> orders, Map<String, JsonObject> orderSideTickets, Map<String, JsonObject> tickets,
                   Map<String, JsonObject> paymentOrders, List<JsonObject> deadLetters, List<JsonObject> intents,
                   List<JsonObject> refunds, List<JsonObject> events) {
    this.orders = orders;
    this.orderSideTickets = orderSideTickets;
    this.tickets = tickets;
    this.paymentOrders = paymentOrders;
    this.deadLetters = deadLetters;
    this.intents = intents;
    this.refunds = refunds;
    this.events = events;
  }

  static Snapshot read(Vertx vertx, String mongoUri, String stripeBase, String stripeKey) {
    MongoClient ordersDb = Mongo.client(vertx, new MongoSettings(mongoUri, "orders"));
    MongoClient ticketsDb = Mongo.client(vertx, new MongoSettings(mongoUri, "tickets"));
    MongoClient paymentsDb = Mongo.client(vertx, new MongoSettings(mongoUri, "payments"));
    try {
      List<JsonObject> dead = new ArrayList<>();
      for (MongoClient db : List.of(ordersDb, ticketsDb, paymentsDb)) {
        dead.addAll(all(db, "dead_letters"));
      }
      return new Snapshot(byId(all(ordersDb, "orders")), byId(all(ordersDb, "tickets")), byId(all(ticketsDb, "tickets")),
          byId(all(paymentsDb, "orders")), dead, stripeList(stripeBase, stripeKey, "/v1/payment_intents"),
          stripeList(stripeBase, stripeKey, "/v1/refunds"), stripeList(stripeBase, stripeKey, "/v1/events"));
    } finally {
      ordersDb.close();
      ticketsDb.close();
      paymentsDb.close();
    }
  }

  /** Documents whose outbox still holds entries, per "database.collection". */
  Map<String, Long> undelivered() {
    return Map.of(
        "orders.orders", withOutbox(orders),
        "tickets.tickets", withOutbox(tickets),
        "payments.orders", withOutbox(paymentOrders));
  }

  private static long withOutbox(Map<String, JsonObject> documents) {
    return documents.values().stream().filter(document -> !document.getJsonArray("outbox", new JsonArray()).isEmpty()).count();
  }

  private static List<JsonObject> all(MongoClient db, String collection) {
    return blocking(db.find(collection, new JsonObject()));
  }

  private static Map<String, JsonObject> byId(List<JsonObject> documents) {
    return documents.stream().collect(Collectors.toMap(document -> document.getString("_id"), Function.identity()));
  }

  static <T> T blocking(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("could not read: " + e.getMessage(), e);
    }
  }

  /** Every object of a Stripe list endpoint, following starting_after until has_more is false. */
  static List<JsonObject> stripeList(String base, String key, String path) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    List<JsonObject> all = new ArrayList<>();
    String after = null;
    while (true) {
      String url = base + path + "?limit=100" + (after == null ? "" : "&starting_after=" + after);
      HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + key)
          .timeout(Duration.ofSeconds(30)).GET().build();
      JsonObject page;
      try {
        page = new JsonObject(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
      } catch (IOException e) {
        throw new IllegalStateException("the payment provider did not answer " + url, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
      JsonArray data = page.getJsonArray("data", new JsonArray());
      data.forEach(item -> all.add((JsonObject) item));
      if (!page.getBoolean("has_more", false) || data.isEmpty()) {
        return all;
      }
      after = data.getJsonObject(data.size() - 1).getString("id");
    }
  }
}
