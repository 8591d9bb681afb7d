package dev.ticketing.stripesandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.stripesandbox.WebhookReceiver.Delivery;
import dev.ticketing.stripesandbox.events.Event;
import dev.ticketing.stripesandbox.events.EventType;
import dev.ticketing.stripesandbox.events.RequestOrigin;
import dev.ticketing.stripesandbox.webhooks.DeliveryPolicy;
import dev.ticketing.stripesandbox.webhooks.WebhookDispatcher;
import dev.ticketing.stripesandbox.webhooks.WebhookEndpoint;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The dispatcher on its own, with fast retries and a small cap, against a real receiver. */
@ExtendWith(VertxExtension.class)
class WebhookDispatcherTest {

  private static final String SECRET = "whsec_dispatcher_tests";
  private static final DeliveryPolicy FAST = new DeliveryPolicy(Duration.ofMillis(20), Duration.ofMillis(40), 3,
      Duration.ofMinutes(1), Duration.ofMillis(300), 3);

  private WebhookReceiver receiver;
  private Context context;
  private WebhookDispatcher dispatcher;
  /** Ids whose onDelivered ran, in that order; it runs once the sender has the receiver's answer. */
  private final BlockingQueue<String> delivered = new LinkedBlockingQueue<>();

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    receiver = WebhookReceiver.start(vertx, SECRET).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    context = vertx.getOrCreateContext();
    onContext(() -> dispatcher = new WebhookDispatcher(vertx, WebhookEndpoint.of(receiver.url(), SECRET), FAST));
  }

  @Test
  void givesUpAfterTheLastAttemptAndMovesOnToTheNextEvent() throws Exception {
    receiver.failWhile(body -> body.contains("evt_doomed"));

    onContext(() -> {
      post("evt_doomed", "pi_1");
      post("evt_next", "pi_1");
    });

    assertEquals(List.of("evt_doomed/500", "evt_doomed/500", "evt_doomed/500", "evt_next/200"), seen(4));
    assertEquals(Set.of("evt_next"), delivered(1));
    assertTrue(delivered.isEmpty(), "evt_doomed counts as undelivered");
  }

  @Test
  void connectionFailuresAndTimeoutsAreRetried() throws Exception {
    receiver.answerNext(WebhookReceiver.DROP, WebhookReceiver.SILENT);

    onContext(() -> post("evt_persistent", "pi_1"));

    assertEquals(List.of("evt_persistent/-1", "evt_persistent/0", "evt_persistent/200"), seen(3));
    onContext(() -> post("evt_after", "pi_1")); // goes out only once the first is settled
    assertEquals(List.of("evt_after/200"), seen(1));
    assertEquals(Set.of("evt_persistent", "evt_after"), delivered(2));
  }

  @Test
  void beyondTheCapTheOldestUndeliveredEventsAreDropped() throws Exception {
    receiver.holdAnswers();
    onContext(() -> post("evt_1", "pi_1"));
    assertEquals(List.of("evt_1/200"), seen(1)); // on its way, answer held back

    // Five waiting with room for three: evt_1 (still on its way) and evt_2 are dropped.
    onContext(() -> List.of("evt_2", "evt_3", "evt_4", "evt_5").forEach(id -> post(id, "pi_1")));
    receiver.releaseAnswers();

    assertEquals(List.of("evt_3/200", "evt_4/200", "evt_5/200"), seen(3));
    assertEquals(Set.of("evt_1", "evt_3", "evt_4", "evt_5"), delivered(4), "evt_1 did reach the receiver");
  }

  @Test
  void policyDelaysDoubleUpToTheirCeiling() {
    DeliveryPolicy stripeLike = DeliveryPolicy.STRIPE_LIKE;

    assertEquals(List.of(500L, 1_000L, 2_000L, 4_000L, 8_000L, 16_000L, 30_000L, 30_000L),
        List.of(1, 2, 3, 4, 5, 6, 7, 19).stream().map(n -> stripeLike.delayAfter(n).toMillis()).toList());
    assertEquals(false, stripeLike.exhausted(19, Duration.ofMinutes(10)));
    assertEquals(true, stripeLike.exhausted(20, Duration.ofMinutes(10)));
    assertEquals(true, stripeLike.exhausted(2, Duration.ofHours(1)));
  }

  private void post(String eventId, String intentId) {
    JsonObject intent = new JsonObject().put("id", intentId).put("object", "payment_intent");
    Event event = new Event(eventId, EventType.PAYMENT_INTENT_SUCCEEDED, 1_700_000_000L, intent,
        new RequestOrigin("req_test", null), intentId);
    dispatcher.post(event, () -> delivered.add(eventId));
  }

  /** Runs on the dispatcher's event loop, where it must be used, and waits for it. */
  private void onContext(Runnable action) throws Exception {
    CompletableFuture<Void> done = new CompletableFuture<>();
    context.runOnContext(v -> {
      action.run();
      done.complete(null);
    });
    done.get(10, TimeUnit.SECONDS);
  }

  private Set<String> delivered(int count) throws InterruptedException {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < count; i++) {
      String id = delivered.poll(10, TimeUnit.SECONDS);
      assertNotNull(id, "onDelivered did not run for " + (count - i) + " more event(s)");
      ids.add(id);
    }
    return ids;
  }

  private List<String> seen(int count) throws InterruptedException {
    return receiver.next(count).stream().map(WebhookDispatcherTest::describe).toList();
  }

  private static String describe(Delivery delivery) {
    return new JsonObject(delivery.body()).getString("id") + "/" + delivery.answered();
  }
}
