package dev.ticketing.platform.delivery;

import dev.ticketing.platform.mongo.DueKeys;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How much of one collection's outboxes is waiting, per consumer group: entries, and the age of
 * the oldest; plus the dead letters set aside. Read from the pending index, so it costs what is
 * waiting, not what is stored.
 */
final class Backlog {

  private final DueKeys pending;
  private final DeadLetters deadLetters;
  private final String collection;

  Backlog(DueKeys pending, DeadLetters deadLetters, String collection) {
    this.pending = pending;
    this.deadLetters = deadLetters;
    this.collection = collection;
  }

  /** {@code {collection, documents, groups: {group: {entries, oldestAgeMillis}}, deadLetters: {group: n}}}. */
  Future<JsonObject> measure(long nowMillis) {
    JsonObject projection = new JsonObject().put(Outbox.FIELD + ".group", 1).put(Outbox.FIELD + ".at", 1);
    return Future.all(pending.waiting(projection), deadLetters.countByGroup()).map(both -> {
      List<JsonObject> waiting = both.resultAt(0);
      Map<String, Long> letters = both.resultAt(1);
      Map<String, long[]> groups = new TreeMap<>();
      for (JsonObject document : waiting) {
        for (Object item : document.getJsonArray(Outbox.FIELD, new JsonArray())) {
          JsonObject entry = (JsonObject) item;
          long[] figures = groups.computeIfAbsent(entry.getString("group"), group -> new long[2]);
          figures[0]++;
          long at = entry.getLong("at", 0L);
          if (at > 0) {
            figures[1] = Math.max(figures[1], nowMillis - at);
          }
        }
      }
      JsonObject byGroup = new JsonObject();
      groups.forEach((group, figures) -> byGroup.put(group,
          new JsonObject().put("entries", figures[0]).put("oldestAgeMillis", figures[1])));
      JsonObject dead = new JsonObject();
      letters.forEach(dead::put);
      return new JsonObject().put("collection", collection).put("documents", waiting.size())
          .put("groups", byGroup).put("deadLetters", dead);
    });
  }
}
