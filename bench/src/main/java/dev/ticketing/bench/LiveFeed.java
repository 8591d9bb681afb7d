package dev.ticketing.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.util.function.BiConsumer;

/**
 * One browser's view of the live feed: every ticket change the gateway streams, with the wall-clock
 * time it arrived here. The benchmark's way to see when a reservation or a release became visible,
 * without polling.
 */
final class LiveFeed implements AutoCloseable {

  private final HttpClient http;

  private LiveFeed(HttpClient http) {
    this.http = http;
  }

  static Future<LiveFeed> open(Vertx vertx, String host, int port, BiConsumer<JsonObject, Long> change) {
    HttpClient http = vertx.createHttpClient();
    StringBuilder pending = new StringBuilder();
    return http.request(new RequestOptions().setMethod(HttpMethod.GET).setHost(host).setPort(port).setURI("/api/live/tickets"))
        .compose(request -> request.send())
        .map(response -> {
          response.handler(chunk -> {
            long at = System.currentTimeMillis();
            pending.append(chunk.toString());
            int end;
            while ((end = pending.indexOf("\n\n")) >= 0) {
              String frame = pending.substring(0, end);
              pending.delete(0, end + 2);
              for (String line : frame.split("\n")) {
                if (line.startsWith("data: ")) {
                  change.accept(new JsonObject(line.substring(6)), at);
                }
              }
            }
          });
          return new LiveFeed(http);
        });
  }

  @Override
  public void close() {
    http.close();
  }
}
