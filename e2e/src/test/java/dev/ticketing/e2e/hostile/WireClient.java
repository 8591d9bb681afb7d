package dev.ticketing.e2e.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, one request per connection, so that any bytes at all can be sent:
 * what a hostile client sends, not what an HTTP library agrees to send. Reads the answer to the end
 * (closed by the server, its Content-Length, or its last chunk) within a timeout, which is how a
 * hang shows.
 */
final class WireClient {

  /** What came back; {@code status} 0 when the connection closed without an answer, -1 on a timeout. */
  record Reply(int status, Map<String, String> headers, String body) {

    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  private final int port;
  private final int timeoutMillis;

  WireClient(int port, int timeoutMillis) {
    this.port = port;
    this.timeoutMillis = timeoutMillis;
  }

  /** A request built from its parts, with Host, Content-Length and Connection: close added. */
  Reply send(String method, String path, Map<String, String> headers, byte[] body) {
    StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n")
        .append("Host: 127.0.0.1:").append(port).append("\r\n").append("Connection: close\r\n");
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    if (body != null) {
      head.append("Content-Length: ").append(body.length).append("\r\n");
    }
    head.append("\r\n");
    ByteArrayOutputStream request = new ByteArrayOutputStream();
    request.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
    if (body != null) {
      request.writeBytes(body);
    }
    return sendRaw(request.toByteArray(), method.equals("HEAD"));
  }

  Reply sendRaw(byte[] bytes, boolean headOnly) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), timeoutMillis);
      socket.setSoTimeout(timeoutMillis);
      OutputStream out = socket.getOutputStream();
      out.write(bytes);
      out.flush();
      return read(socket.getInputStream(), headOnly);
    } catch (SocketTimeoutException hang) {
      return new Reply(-1, Map.of(), "no answer within " + timeoutMillis + " ms");
    } catch (IOException closed) {
      return new Reply(0, Map.of(), String.valueOf(closed.getMessage()));
    }
  }

  /**
   * Reads one answer: its head, then as much body as it announces (Content-Length, or chunks up to
   * the last one), or everything until the server closes when it announces neither. The server need
   * not close: an answer on a connection it keeps open is still an answer, not a hang.
   */
  private static Reply read(InputStream in, boolean headOnly) throws IOException {
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    int end = -1;
    while (end < 0) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      received.write(b);
      end = headEnd(received.toByteArray());
    }
    String head = received.toString(StandardCharsets.ISO_8859_1);
    if (!head.startsWith("HTTP/") || end < 0) {
      return new Reply(0, Map.of(), head);
    }
    String[] lines = head.substring(0, end).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
      }
    }
    if (headOnly || status == 204 || status == 304) {
      return new Reply(status, headers, "");
    }
    String length = headers.get("content-length");
    if (length != null) {
      return new Reply(status, headers, new String(in.readNBytes(Integer.parseInt(length)), StandardCharsets.UTF_8));
    }
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      return new Reply(status, headers, readChunks(in));
    }
    return new Reply(status, headers, new String(in.readAllBytes(), StandardCharsets.UTF_8));
  }

  private static int headEnd(byte[] bytes) {
    int n = bytes.length;
    return n >= 4 && bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r' && bytes[n - 1] == '\n' ? n - 4 : -1;
  }

  private static String readChunks(InputStream in) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String sizeLine = readLine(in).split(";")[0].trim();
      int size = sizeLine.isEmpty() ? 0 : Integer.parseInt(sizeLine, 16);
      if (size == 0) {
        readLine(in);
        return body.toString(StandardCharsets.UTF_8);
      }
      body.write(in.readNBytes(size));
      readLine(in);
    }
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    int b;
    while ((b = in.read()) >= 0 && b != '\n') {
      if (b != '\r') {
        line.append((char) b);
      }
    }
    return line.toString();
  }
}
