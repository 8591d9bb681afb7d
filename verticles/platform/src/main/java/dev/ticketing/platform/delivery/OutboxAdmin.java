package dev.ticketing.platform.delivery;

import dev.ticketing.contracts.errors.ApiException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;
import java.util.Locale;

/**
 * The operator's view of a service's outboxes, on its management port (never the public one):
 * <ul>
 *   <li>{@code GET /outbox}: per collection, entries waiting per consumer group, the oldest one's
 *       age, and dead letters per group; {@code GET /outbox/summary}: the same as one line of
 *       text per collection, for a terminal ({@code ./ticketing status});</li>
 *   <li>{@code GET /outbox/dead-letters}: the entries set aside, with why;</li>
 *   <li>{@code POST /outbox/dead-letters/replay}, optional body {@code {"ids": [...]}}: puts them
 *       (all, or those) back to be delivered again, once their consumer is fixed.</li>
 * </ul>
 */
public final class OutboxAdmin {

  private OutboxAdmin() {
  }

  public static void mount(Router router, List<OutboxRelay> relays) {
    router.get("/outbox").handler(ctx -> answer(ctx,
        Future.all(relays.stream().map(OutboxRelay::backlog).toList())
            .map(all -> new JsonObject().put("outboxes", new JsonArray(all.list())))));
    router.get("/outbox/summary").handler(ctx -> Future.all(relays.stream().map(OutboxRelay::backlog).toList())
        .onSuccess(all -> ctx.response().putHeader("Content-Type", "text/plain; charset=utf-8")
            .end(all.<JsonObject>list().stream().map(OutboxAdmin::summary).reduce("", String::concat)))
        .onFailure(failure -> ctx.response().setStatusCode(503).putHeader("Content-Type", "text/plain; charset=utf-8")
            .end("the store did not answer\n")));
    router.get("/outbox/dead-letters").handler(ctx -> answer(ctx,
        Future.all(relays.stream().map(relay -> relay.deadLetters().list(1000)).toList())
            .map(all -> new JsonObject().put("deadLetters", new JsonArray(all.<List<JsonObject>>list().stream()
                .flatMap(List::stream).toList())))));
    router.post("/outbox/dead-letters/replay").handler(BodyHandler.create(false).setBodyLimit(64 * 1024));
    router.post("/outbox/dead-letters/replay").handler(ctx -> {
      List<String> ids = requestedIds(ctx);
      answer(ctx, Future.all(relays.stream().map(relay -> relay.replay(ids)).toList())
          .map(all -> new JsonObject().put("replayed", all.<Integer>list().stream().mapToInt(Integer::intValue).sum())));
    });
  }

  /** "orders: 2 waiting (tickets 2, oldest 1.3 s); dead letters: none", from a backlog's JSON. */
  static String summary(JsonObject backlog) {
    JsonObject groups = backlog.getJsonObject("groups", new JsonObject());
    JsonObject dead = backlog.getJsonObject("deadLetters", new JsonObject());
    StringBuilder line = new StringBuilder(backlog.getString("collection")).append(": ")
        .append(backlog.getInteger("documents", 0)).append(" waiting");
    if (!groups.isEmpty()) {
      line.append(" (").append(String.join("; ", groups.fieldNames().stream().sorted().map(group -> {
        JsonObject figures = groups.getJsonObject(group);
        return String.format(Locale.ROOT, "%s %d, oldest %.1f s", group, figures.getLong("entries"), figures.getLong("oldestAgeMillis") / 1000.0);
      }).toList())).append(')');
    }
    line.append("; dead letters: ").append(dead.isEmpty() ? "none"
        : String.join(", ", dead.fieldNames().stream().sorted().map(group -> group + " " + dead.getLong(group)).toList()));
    return line.append('\n').toString();
  }

  private static List<String> requestedIds(RoutingContext ctx) {
    try {
      JsonObject body = ctx.body().asJsonObject();
      JsonArray ids = body == null ? null : body.getJsonArray("ids");
      return ids == null ? List.of() : ids.stream().map(String::valueOf).toList();
    } catch (RuntimeException notJson) {
      return List.of();
    }
  }

  private static void answer(RoutingContext ctx, Future<JsonObject> result) {
    result.onSuccess(json -> ctx.response().putHeader("Content-Type", "application/json").end(json.encode()))
        .onFailure(failure -> ctx.response().setStatusCode(503).putHeader("Content-Type", "application/json")
            .end(new ApiException(503, "The store did not answer: " + failure.getMessage()).toJson().encode()));
  }
}
