package dev.ticketing.stripesandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The sandbox with artificial latency, where two requests with one idempotency key can overlap. */
class SlowSandboxTest extends SandboxTestBase {

  private static final Duration LATENCY = Duration.ofMillis(800);
  private static final String PAYMENT = "amount=1500&currency=usd&confirm=true&payment_method=pm_card_visa";

  @Override
  SandboxSettings settings() {
    return SandboxSettings.ephemeral().withLatency(LATENCY);
  }

  @Test
  void answersAfterTheConfiguredLatency() throws Exception {
    long began = System.nanoTime();

    HttpResponse<String> response = http.send(http.post("/v1/payment_intents", PAYMENT, null));

    assertEquals(200, response.statusCode());
    assertTrue(System.nanoTime() - began >= LATENCY.toNanos(), "answered before the latency elapsed");
  }

  @Test
  void concurrentRequestWithTheSameKeyGetsConflictThenTheFirstAnswerIsReplayed() throws Exception {
    CompletableFuture<HttpResponse<String>> first = http.sendAsync(http.post("/v1/payment_intents", PAYMENT, "k-1"));
    CompletableFuture<HttpResponse<String>> second = http.sendAsync(http.post("/v1/payment_intents", PAYMENT, "k-1"));

    List<HttpResponse<String>> answers = List.of(first.get(), second.get());
    HttpResponse<String> winner = answers.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow();
    HttpResponse<String> loser = answers.stream().filter(r -> r.statusCode() != 200).findFirst().orElseThrow();

    assertEquals(409, loser.statusCode());
    JsonObject error = new JsonObject(loser.body()).getJsonObject("error");
    assertEquals("idempotency_error", error.getString("type"));
    assertTrue(error.getString("message").startsWith("There is currently another in-progress request"));

    HttpResponse<String> retry = http.send(http.post("/v1/payment_intents", PAYMENT, "k-1"));
    assertEquals(200, retry.statusCode());
    assertEquals(winner.body(), retry.body());
    assertEquals("true", retry.headers().firstValue("Idempotent-Replayed").orElse(null));
  }
}
