package dev.ticketing.e2e.chaos;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * One person using the HTTP API with their own session cookie, blocking (the chaos driver runs one
 * virtual thread per person). Each call goes to one of the gateways that are up; a call that does
 * not get an answer (a JVM was just killed) is an {@link Answer} with status 0.
 */
final class ApiUser {

  /** An HTTP answer; status 0 when the connection failed or timed out. */
  record Answer(int status, String body) {

    JsonObject json() {
      return body.startsWith("{") ? new JsonObject(body) : new JsonObject();
    }

    boolean serverError() {
      return status == 0 || status >= 500;
    }
  }

  private static final Duration TIMEOUT = Duration.ofSeconds(25);

  private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
      .connectTimeout(Duration.ofSeconds(3)).build();
  private final Supplier<List<String>> gateways;
  private final String email = "chaos-" + UUID.randomUUID() + "@example.com";

  ApiUser(Supplier<List<String>> gateways) {
    this.gateways = gateways;
  }

  String email() {
    return email;
  }

  Answer signUp() {
    return send("POST", "/api/users/signup", new JsonObject().put("email", email).put("password", "a long password"));
  }

  Answer sell(String title, double price) {
    return send("POST", "/api/tickets", new JsonObject().put("title", title).put("price", price));
  }

  Answer edit(String ticketId, String title, double price) {
    return send("PUT", "/api/tickets/" + ticketId, new JsonObject().put("title", title).put("price", price));
  }

  Answer order(String ticketId) {
    return send("POST", "/api/orders", new JsonObject().put("ticketId", ticketId));
  }

  Answer pay(String orderId, String token) {
    return send("POST", "/api/payments", new JsonObject().put("orderId", orderId).put("token", token));
  }

  Answer cancel(String orderId) {
    return send("DELETE", "/api/orders/" + orderId, null);
  }

  Answer get(String path) {
    return send("GET", path, null);
  }

  private Answer send(String method, String path, JsonObject body) {
    List<String> up = gateways.get();
    String base = up.get(ThreadLocalRandom.current().nextInt(up.size()));
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT);
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body.encode()));
    }
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body());
    } catch (IOException unreachable) {
      return new Answer(0, String.valueOf(unreachable.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(0, "interrupted");
    }
  }
}
