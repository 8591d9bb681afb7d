package dev.ticketing.bench;

import dev.ticketing.bench.load.Answer;
import dev.ticketing.bench.load.Await;
import dev.ticketing.bench.load.Call;
import dev.ticketing.bench.load.LoadGenerator;
import dev.ticketing.bench.report.BenchReport;
import dev.ticketing.platform.testing.PrivateSystem;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/** What every phase uses: the system under test, its gateway, sessions, the load generator, the report. */
final class BenchContext implements AutoCloseable {

  final Vertx vertx;
  final PrivateSystem system;
  final Sessions sessions;
  final BenchReport report;
  final String host = "127.0.0.1";
  final int port;
  final LoadGenerator http;
  final BenchSettings settings;

  BenchContext(Vertx vertx, PrivateSystem system, BenchReport report, BenchSettings settings) throws Exception {
    this.vertx = vertx;
    this.system = system;
    this.report = report;
    this.settings = settings;
    this.sessions = new Sessions(system.jwtKey());
    this.port = URI.create(system.gatewayUrls().get(0)).getPort();
    this.http = new LoadGenerator(vertx, host, port, 256);
  }

  /** Lists {@code count} tickets for {@code sellers} (round-robin), {@code loops} at a time; their ids. */
  List<String> listTickets(List<String> sellers, int count, int loops) {
    Queue<String> ids = new ConcurrentLinkedQueue<>();
    AtomicInteger left = new AtomicInteger(count);
    LoadGenerator.Run run = await(http.run(loops, Duration.ofMinutes(30), loop -> {
      int n = left.getAndDecrement();
      return n <= 0 ? null : Call.post("/api/tickets", sellers.get(n % sellers.size()),
          "{\"title\":\"Bench show " + n + "\",\"price\":" + (5 + n % 95) + "}");
    }, (call, answer) -> {
      if (answer.status() == 201) {
        ids.add(answer.body().toJsonObject().getString("id"));
      }
    }));
    progress("listed " + ids.size() + " tickets; measuring next");
    if (ids.size() < count) {
      report.note("listing " + count + " tickets: " + (count - ids.size()) + " not listed (not retried); answers " + run.statuses());
    }
    return List.copyOf(ids);
  }

  /** A line on standard error as the run goes: what it is doing now, for whoever watches (or profiles) it. */
  static void progress(String what) {
    System.err.printf("[bench %tT] %s%n", System.currentTimeMillis(), what);
  }

  /** The gateway's address, for wrk. */
  String base() {
    return "http://" + host + ":" + port;
  }

  Answer call(Call call) {
    return await(http.call(call));
  }

  static <T> T await(Future<T> future) {
    return Await.result(future);
  }

  static JsonObject json(Answer answer) {
    return answer.body().toJsonObject();
  }

  /** A pause for the system to settle between phases; nothing waits on it but the operator's patience. */
  static void settle(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    http.close();
  }
}
