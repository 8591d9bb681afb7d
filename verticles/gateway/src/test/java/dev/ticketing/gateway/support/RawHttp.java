package dev.ticketing.gateway.support;

import dev.ticketing.platform.testing.Blocking;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sends bytes exactly as given over a plain socket and reads one HTTP/1.1 response, for requests
 * an HTTP client refuses to send (no Host, a bad port, a broken request line, an unknown method).
 * The response ends at its Content-Length, or when the server closes the connection.
 *
 * @param vertx the Vert.x whose net client opens each connection
 * @param port  the gateway's port on 127.0.0.1
 */
public record RawHttp(Vertx vertx, int port) {

  /** One response: status, headers with lower-case names, and the body as text. */
  public record Response(int status, Map<String, String> headers, String body) {

    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public JsonObject json() {
      return new JsonObject(body);
    }
  }

  /** Sends {@code request}, with {@code \n} line ends turned into CRLF, and waits for the response. */
  public Response answerTo(String request) throws Exception {
    return answerTo(Buffer.buffer(request.replace("\r\n", "\n").replace("\n", "\r\n"), "ISO-8859-1"));
  }

  /** Sends the bytes of {@code request} as they are, and waits for the response. */
  public Response answerTo(Buffer request) throws Exception {
    return Blocking.await(send(request));
  }

  private Future<Response> send(Buffer request) {
    NetClient client = vertx.createNetClient();
    return client.connect(port, "127.0.0.1")
        .compose(socket -> read(socket, request))
        .eventually(() -> client.close());
  }

  private static Future<Response> read(NetSocket socket, Buffer request) {
    Promise<Response> response = Promise.promise();
    Buffer received = Buffer.buffer();
    socket.handler(data -> {
      received.appendBuffer(data);
      Response complete = parse(received, false);
      if (complete != null) {
        response.tryComplete(complete);
        socket.close();
      }
    });
    socket.closeHandler(closed -> {
      Response whatever = parse(received, true);
      if (whatever != null) {
        response.tryComplete(whatever);
      } else {
        response.tryFail("the connection closed without a response: " + received);
      }
    });
    socket.write(request);
    return response.future();
  }

  /** The response once it is complete (or the connection closed); null while more is to come. */
  private static Response parse(Buffer received, boolean closed) {
    String text = received.toString(StandardCharsets.ISO_8859_1);
    int headEnd = text.indexOf("\r\n\r\n");
    if (headEnd < 0) {
      return null;
    }
    String[] lines = text.substring(0, headEnd).split("\r\n");
    Map<String, String> headers = new TreeMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
    }
    Buffer body = received.getBuffer(headEnd + 4, received.length());
    String length = headers.get("content-length");
    if (!closed && (length == null || body.length() < Integer.parseInt(length))) {
      return null;
    }
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    return new Response(status, headers, body.toString(StandardCharsets.UTF_8));
  }
}
