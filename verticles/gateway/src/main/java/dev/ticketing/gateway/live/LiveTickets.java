package dev.ticketing.gateway.live;

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
 * change as {@code event: ticket} with the ticket in the API's shape. Outbound only: the browser
 * sends nothing on the bus. Ticket changes arrive on {@value #ADDRESS}, published by whichever
 * gateway received the event ({@link TicketFeedListener}), so every gateway instance's browsers
 * see every change. This is a display hint: a browser that missed one (reconnecting, say) keeps
 * the version it has and the next change or reload corrects it.
 */
public final class LiveTickets {

  public static final String ADDRESS = "gateway.live.tickets";
  private static final long HEARTBEAT_MILLIS = 20_000;

  private final Vertx vertx;
  private final int maxClients;
  private final Set<HttpServerResponse> clients = new LinkedHashSet<>();

  public LiveTickets(Vertx vertx, int maxClients) {
    this.vertx = vertx;
    this.maxClients = maxClients;
  }

  public Future<Void> start() {
    // Comments keep idle connections open through proxies that close silent ones.
    vertx.setPeriodic(HEARTBEAT_MILLIS, id -> broadcast(": heartbeat\n\n"));
    return vertx.eventBus().<JsonObject>consumer(ADDRESS, message ->
        broadcast("event: ticket\ndata: " + message.body().encode() + "\n\n")).completion();
  }

  public Handler<RoutingContext> stream() {
    return ctx -> {
      if (clients.size() >= maxClients) {
        ctx.response().setStatusCode(503).putHeader("Content-Type", "application/json")
            .end("{\"errors\":[{\"message\":\"Too many live connections, try again later\"}]}");
        return;
      }
      HttpServerResponse response = ctx.response()
          .setChunked(true)
          .putHeader("Content-Type", "text/event-stream; charset=utf-8")
          .putHeader("Cache-Control", "no-cache")
          .putHeader("X-Accel-Buffering", "no");
      clients.add(response);
      response.closeHandler(closed -> clients.remove(response));
      response.write("retry: 3000\n\n");
    };
  }

  public int connected() {
    return clients.size();
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
