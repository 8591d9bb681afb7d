package dev.ticketing.gateway.live;

import dev.ticketing.contracts.errors.ApiException;
import dev.ticketing.contracts.live.LiveTicketChange;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Server-Sent Events at {@code GET /api/live/tickets}: every connected browser gets each ticket
 * change as {@code event: ticket} with the ticket in the API's shape and an {@code id}. The tickets
 * service publishes the changes right after writing them ({@link LiveTicketChange}); every gateway
 * receives every one. Best effort by design: a browser that reconnects sends the last id it saw
 * ({@code Last-Event-ID}, as EventSource does by itself) and gets what it missed from the recent
 * changes this gateway keeps; anything older shows at the next reload. Browsers apply a change only
 * when its version is newer than the one shown, so a change seen twice does no harm.
 */
public final class LiveTickets {

  private static final long HEARTBEAT_MILLIS = 20_000;
  private static final int RECENT_KEPT = 1_000;

  private final Vertx vertx;
  private final int maxClients;
  private final Set<HttpServerResponse> clients = new LinkedHashSet<>();
  private final RecentChanges recent = new RecentChanges(RECENT_KEPT);

  public LiveTickets(Vertx vertx, int maxClients) {
    this.vertx = vertx;
    this.maxClients = maxClients;
  }

  public Future<Void> start() {
    // Comments keep idle connections open through proxies that close silent ones.
    vertx.setPeriodic(HEARTBEAT_MILLIS, id -> broadcast(": heartbeat\n\n"));
    return vertx.eventBus().<JsonObject>consumer(LiveTicketChange.ADDRESS, message -> {
      LiveTicketChange change = LiveTicketChange.fromJson(message.body());
      recent.add(change);
      broadcast(frame(change));
    }).completion();
  }

  public Handler<RoutingContext> stream() {
    return ctx -> {
      if (clients.size() >= maxClients) {
        ctx.fail(new ApiException(503, "Too many live connections, try again later"));
        return;
      }
      HttpServerResponse response = ctx.response()
          .setChunked(true)
          .putHeader("Content-Type", "text/event-stream; charset=utf-8")
          .putHeader("Cache-Control", "no-cache")
          .putHeader("X-Accel-Buffering", "no");
      clients.add(response);
      response.closeHandler(closed -> clients.remove(response));
      StringBuilder opening = new StringBuilder("retry: 3000\n\n");
      String lastSeen = ctx.request().getHeader("Last-Event-ID");
      if (lastSeen != null) {
        recent.since(lastSeen).forEach(change -> opening.append(frame(change)));
      }
      response.write(opening.toString());
    };
  }

  public int connected() {
    return clients.size();
  }

  private static String frame(LiveTicketChange change) {
    return "id: " + change.eventId() + "\nevent: ticket\ndata: " + change.ticket().encode() + "\n\n";
  }

  private void broadcast(String frame) {
    for (HttpServerResponse client : Set.copyOf(clients)) {
      if (client.writeQueueFull()) {
        // A browser that cannot keep up is dropped rather than buffered without limit; it reconnects.
        clients.remove(client);
        client.reset();
      } else {
        client.write(frame);
      }
    }
  }
}
