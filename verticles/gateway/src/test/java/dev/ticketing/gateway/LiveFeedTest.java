package dev.ticketing.gateway;

import static dev.ticketing.platform.testing.Blocking.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.contracts.live.LiveTicketChange;
import dev.ticketing.gateway.support.GatewayFixture;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The live feed: changes published by tickets stream to browsers with ids, and a reconnecting browser catches up. */
@ExtendWith(VertxExtension.class)
class LiveFeedTest {

  private Vertx vertx;
  private HttpClient http;
  private int port;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    this.vertx = vertx;
    http = vertx.createHttpClient();
    port = await(GatewayFixture.deploy(vertx, GatewayFixture.config(2000, false))).port();
  }

  private static JsonObject ticket(String id, long version) {
    return new JsonObject().put("id", id).put("title", "Opera").put("price", 20.5).put("userId", "u1")
        .put("version", version).putNull("orderId").put("sold", version > 1);
  }

  private void publish(long at, JsonObject ticket) {
    vertx.eventBus().publish(LiveTicketChange.ADDRESS, new LiveTicketChange(at, ticket, "test-origin", 1).toJson());
  }

  /** Opens the stream and collects what arrives until {@code marker} appears in it. */
  private Future<String> stream(String lastEventId, String marker, Runnable whenOpen) {
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1").setPort(port)
        .setURI("/api/live/tickets");
    if (lastEventId != null) {
      options.putHeader("Last-Event-ID", lastEventId);
    }
    Promise<String> seen = Promise.promise();
    http.request(options).compose(request -> request.send()).onSuccess((HttpClientResponse response) -> {
      Buffer received = Buffer.buffer();
      response.handler(chunk -> {
        received.appendBuffer(chunk);
        if (received.toString().contains(marker)) {
          seen.tryComplete(received.toString());
          response.request().connection().close();
        }
      });
      whenOpen.run();
    }).onFailure(seen::tryFail);
    return seen.future();
  }

  @Test
  void aPublishedChangeReachesTheBrowserWithItsIdAndSoldFlag() throws Exception {
    // Published once the stream is open, as a change happens while the browser watches.
    String frames = await(stream(null, "\"version\":2", () -> vertx.setTimer(100, id -> publish(1_000, ticket("t1", 2)))));

    assertTrue(frames.contains("id: 1000-t1-2\nevent: ticket\ndata: "), frames);
    assertTrue(frames.contains("\"sold\":true"), frames);
  }

  @Test
  void aBrowserThatReconnectsGetsWhatItMissed() throws Exception {
    // The gateway keeps recent changes; what it published while the browser was away comes first on reconnect.
    publish(1_000, ticket("t1", 1));
    publish(2_000, ticket("t2", 1));
    publish(3_000, ticket("t3", 1));
    await(vertx.timer(100));

    String frames = await(stream("1000-t1-1", "\"t3\"", () -> { }));

    assertTrue(frames.contains("id: 2000-t2-1"), frames);
    assertTrue(frames.contains("id: 3000-t3-1"), frames);
    assertEquals(-1, frames.indexOf("id: 1000-t1-1"), "what it saw is not sent again");
  }
}
