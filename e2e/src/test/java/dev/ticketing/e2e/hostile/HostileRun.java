package dev.ticketing.e2e.hostile;

import dev.ticketing.e2e.hostile.WireClient.Reply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Sends the {@link HostileCorpus} to a gateway, eight requests at a time, and holds every answer to
 * the rules: no 5xx, an answer within the timeout, nosniff on every answer, the JSON error shape on
 * every error, nothing internal (stack traces, class names, database messages) in any body, no file
 * from outside the web root. Then opens more live-feed connections than allowed and checks the
 * system still serves a buyer normally.
 */
public final class HostileRun {

  private static final Pattern LEAK = Pattern.compile(
      "Exception|\\tat |java\\.|javax\\.|dev\\.ticketing|io\\.vertx|io\\.netty|com\\.mongodb|com\\.stripe|E11000|MongoServer|NullPointer");
  private static final Pattern OUTSIDE_WEBROOT = Pattern.compile("<project|root:x:|\\[core\\]|<web-app");
  private static final int LIVE_LIMIT = 40;

  private final WireClient wire;
  private final int port;

  public HostileRun(int gatewayPort) {
    this.port = gatewayPort;
    this.wire = new WireClient(gatewayPort, 10_000);
  }

  public HostileReport run() throws Exception {
    Map<String, String> sessions = new HashMap<>();
    String seller = signUp();
    String owner = signUp();
    String stranger = signUp();
    sessions.put("owner", owner);
    sessions.put("stranger", stranger);
    String ownTicket = listTicket(owner, "Owner's ticket");
    String othersTicket = listTicket(seller, "Seller's ticket");
    String orderId = orderWhenKnown(owner, othersTicket);

    List<Probe> probes = new HostileCorpus(ownTicket, orderId).probes();
    Map<Integer, Long> statuses = new ConcurrentHashMap<>();
    List<String> violations = new CopyOnWriteArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> sent = new ArrayList<>();
    for (Probe probe : probes) {
      sent.add(pool.submit(() -> {
        Reply reply = send(probe, sessions);
        statuses.merge(reply.status(), 1L, Long::sum);
        violations.addAll(judge(probe, reply));
      }));
    }
    for (Future<?> each : sent) {
      each.get(2, TimeUnit.MINUTES);
    }
    pool.shutdown();
    boolean refused = liveFeedBurst(violations);
    boolean normal = servesNormally();
    return new HostileReport(probes.size() + LIVE_LIMIT + 10, new TreeMap<>(statuses), violations, refused, normal);
  }

  private Reply send(Probe probe, Map<String, String> sessions) {
    if (probe.raw() != null) {
      return wire.sendRaw(probe.raw(), false);
    }
    Map<String, String> headers = new HashMap<>(probe.headers());
    String session = sessions.get(probe.as());
    if (session != null && !headers.containsKey("Cookie")) {
      headers.put("Cookie", "session=" + session);
    }
    return wire.send(probe.method(), probe.path(), headers, probe.body());
  }

  static List<String> judge(Probe probe, Reply reply) {
    List<String> broken = new ArrayList<>();
    String what = probe.name() + " -> " + reply.status();
    if (reply.status() == -1) {
      broken.add(what + ": no answer (a hang)");
      return broken;
    }
    if (reply.status() == 0) {
      broken.add(what + ": the connection closed without an answer: " + abbreviate(reply.body()));
      return broken;
    }
    if (reply.status() >= 500) {
      broken.add(what + ": a server error: " + abbreviate(reply.body()));
    }
    if (!"nosniff".equals(reply.header("X-Content-Type-Options"))) {
      broken.add(what + ": no X-Content-Type-Options: nosniff");
    }
    if (reply.status() >= 400 && !"HEAD".equals(probe.method()) && !isErrorShape(reply)) {
      broken.add(what + ": not the JSON error shape: " + reply.header("Content-Type") + " " + abbreviate(reply.body()));
    }
    if (LEAK.matcher(reply.body()).find()) {
      broken.add(what + ": the body shows internals: " + abbreviate(reply.body()));
    }
    if (OUTSIDE_WEBROOT.matcher(reply.body()).find()) {
      broken.add(what + ": a file from outside the web root");
    }
    return broken;
  }

  private static boolean isErrorShape(Reply reply) {
    String type = reply.header("Content-Type");
    if (type == null || !type.startsWith("application/json")) {
      return false;
    }
    try {
      JsonArray errors = new JsonObject(reply.body()).getJsonArray("errors");
      return errors != null && !errors.isEmpty()
          && errors.stream().allMatch(error -> error instanceof JsonObject entry && entry.getString("message") != null);
    } catch (RuntimeException notJson) {
      return false;
    }
  }

  /** Opens ten more streams than allowed: the extra ones get a JSON 503, the others an event stream. */
  private boolean liveFeedBurst(List<String> violations) throws IOException {
    List<Socket> open = new ArrayList<>();
    int streams = 0;
    int refused = 0;
    try {
      for (int i = 0; i < LIVE_LIMIT + 10; i++) {
        Socket socket = new Socket();
        open.add(socket);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(10_000);
        socket.getOutputStream().write(("GET /api/live/tickets HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        String head = readHead(socket.getInputStream());
        if (head.startsWith("HTTP/1.1 200") && head.toLowerCase().contains("text/event-stream")) {
          streams++;
        } else if (head.startsWith("HTTP/1.1 503") && head.toLowerCase().contains("application/json")) {
          refused++;
        } else {
          violations.add("live feed connection " + i + " answered " + abbreviate(head));
        }
      }
    } finally {
      for (Socket socket : open) {
        socket.close();
      }
    }
    return streams == LIVE_LIMIT && refused == 10;
  }

  private static String readHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    int b;
    while ((b = in.read()) >= 0) {
      head.append((char) b);
      if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
        break;
      }
    }
    return head.toString();
  }

  private boolean servesNormally() throws InterruptedException {
    String seller = signUp();
    String buyer = signUp();
    String ticket = listTicket(seller, "After the storm");
    return orderWhenKnown(buyer, ticket) != null;
  }

  private String signUp() {
    JsonObject credentials = new JsonObject().put("email", "hostile-" + UUID.randomUUID() + "@example.com")
        .put("password", "a long password");
    Reply reply = wire.send("POST", "/api/users/signup", Map.of("Content-Type", "application/json"),
        credentials.encode().getBytes(StandardCharsets.UTF_8));
    String cookie = reply.header("Set-Cookie");
    if (reply.status() != 201 || cookie == null) {
      throw new IllegalStateException("sign-up failed: " + reply);
    }
    return cookie.substring("session=".length(), cookie.indexOf(';'));
  }

  private String listTicket(String session, String title) {
    Reply reply = wire.send("POST", "/api/tickets", Map.of("Content-Type", "application/json", "Cookie", "session=" + session),
        new JsonObject().put("title", title).put("price", 25).encode().getBytes(StandardCharsets.UTF_8));
    if (reply.status() != 201) {
      throw new IllegalStateException("listing failed: " + reply);
    }
    return new JsonObject(reply.body()).getString("id");
  }

  private String orderWhenKnown(String session, String ticketId) throws InterruptedException {
    for (int attempt = 0; attempt < 100; attempt++) {
      Reply reply = wire.send("POST", "/api/orders", Map.of("Content-Type", "application/json", "Cookie", "session=" + session),
          new JsonObject().put("ticketId", ticketId).encode().getBytes(StandardCharsets.UTF_8));
      if (reply.status() == 201) {
        return new JsonObject(reply.body()).getString("id");
      }
      Thread.sleep(100); // polls another service's news of the ticket; nothing to be notified by
    }
    return null;
  }

  private static String abbreviate(String text) {
    String flat = text.replace("\r", "\\r").replace("\n", "\\n");
    return flat.length() > 160 ? flat.substring(0, 160) + "..." : flat;
  }
}
