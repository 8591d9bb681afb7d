package dev.ticketing.platform.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** The one-line backlog an operator reads in ./ticketing status. */
class OutboxSummaryTest {

  @Test
  void namesEveryGroupWithItsOldestEntryAndTheDeadLetters() {
    JsonObject backlog = new JsonObject().put("collection", "orders").put("documents", 3)
        .put("groups", new JsonObject()
            .put("tickets", new JsonObject().put("entries", 2).put("oldestAgeMillis", 1_250))
            .put("payments", new JsonObject().put("entries", 1).put("oldestAgeMillis", 300)))
        .put("deadLetters", new JsonObject().put("tickets", 1));
    assertEquals("orders: 3 waiting (payments 1, oldest 0.3 s; tickets 2, oldest 1.3 s); dead letters: tickets 1\n",
        OutboxAdmin.summary(backlog));
  }

  @Test
  void anEmptyOutboxSaysSo() {
    JsonObject backlog = new JsonObject().put("collection", "tickets").put("documents", 0)
        .put("groups", new JsonObject()).put("deadLetters", new JsonObject());
    assertEquals("tickets: 0 waiting; dead letters: none\n", OutboxAdmin.summary(backlog));
  }
}
