package dev.ticketing.bench.reference;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;

/**
 * The first reference: a plain Vert.x HTTP server answering a small JSON body, the most any
 * endpoint of ours could do on this machine. Port in the first argument.
 */
public final class PlainServer {

  private PlainServer() {
  }

  public static void main(String[] args) {
    int port = Integer.parseInt(args[0]);
    Buffer body = Buffer.buffer("{\"id\":\"6b0f2c8ba3dad17cbf3d1835\",\"title\":\"Reference\",\"price\":20.5}");
    Vertx vertx = Vertx.vertx();
    for (int i = 0; i < Runtime.getRuntime().availableProcessors(); i++) {
      vertx.createHttpServer()
          .requestHandler(request -> request.response().putHeader("Content-Type", "application/json").end(body))
          .listen(port, "127.0.0.1");
    }
  }
}
