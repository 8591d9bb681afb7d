package dev.ticketing.bench;

import dev.ticketing.bench.phases.Browse;
import dev.ticketing.bench.phases.CpuShare;
import dev.ticketing.bench.phases.EventLag;
import dev.ticketing.bench.phases.ExpirationStorm;
import dev.ticketing.bench.phases.Footprint;
import dev.ticketing.bench.phases.Pairs;
import dev.ticketing.bench.phases.Purchases;
import dev.ticketing.bench.phases.References;
import dev.ticketing.bench.phases.Rush;
import dev.ticketing.bench.report.BenchReport;
import dev.ticketing.bench.report.Figure;
import dev.ticketing.platform.testing.PrivateSystem;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.TreeMap;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The benchmark's sections in the order they run: the system's cold start and the rush as the first
 * load it sees; the references; the rush again, warm; browsing; purchases; event lag; the expiration
 * storm; then the same browse and rush with the growth data stored; the footprint throughout.
 */
final class BenchRun {

  private static final int RUSH_TICKETS = 500;
  private static final int RUSH_BUYERS = 2_000;
  private static final int RUSH_CONNECTIONS = 128;
  private static final Duration RUSH = Duration.ofSeconds(15);
  private static final Duration PURCHASES = Duration.ofSeconds(30);
  private static final int LAG_RATE = 500;
  /** A section starts once the system's processes together use less than this (% of one core): the last one's work is done. */
  private static final double QUIET_PERCENT = 40;

  private final Vertx vertx;
  private final PrivateSystem system;
  private final BenchReport report;
  private final BenchSettings settings;
  private final Path jar;
  private final List<String> javaOptions;
  private final Map<String, Long> reserveShown = new ConcurrentHashMap<>();
  private final Map<String, Boolean> held = new ConcurrentHashMap<>();
  private final Map<String, Long> freed = new ConcurrentHashMap<>();

  BenchRun(Vertx vertx, PrivateSystem system, BenchReport report, BenchSettings settings, Path jar, List<String> javaOptions) {
    this.vertx = vertx;
    this.system = system;
    this.report = report;
    this.settings = settings;
    this.jar = jar;
    this.javaOptions = javaOptions;
  }

  void run() throws Exception {
    long began = System.nanoTime();
    PrivateSystem.Outcome up = system.up();
    if (!up.ok()) {
      throw new IllegalStateException("the system did not start:\n" + up.output());
    }
    report.figure("Start and the first load", "cold start of the whole system", "s", "<= 10 s").add((System.nanoTime() - began) / 1e9);
    BenchContext.settle(Duration.ofSeconds(5));
    Map<String, Long> idle = Footprint.now(runDir());
    Figure plain = report.figure("References", "plain Vert.x JSON handler", "req/s", "-");
    Figure hop = report.figure("References", "same behind one event-bus hop to another JVM", "req/s", "-");
    try (BenchContext context = new BenchContext(vertx, system, report, settings);
         LiveFeed feed = BenchContext.await(LiveFeed.open(vertx, context.host, context.port, this::watch))) {
      section("first-rush", () -> rush(context, "Start and the first load", "rush, the first load after up", 1));
      section("references", () -> {
        try (References references = new References(jar, javaOptions)) {
          for (int round = 0; round < settings.rounds(); round++) {
            references.measure(settings.load(), plain, hop);
          }
        }
      });
      section("rush", () -> rush(context, "Rush, JVMs warm", "rush", settings.rounds()));
      section("browse", () -> browse(context, "Browse", List.of(plain, hop), settings.rounds()));
      Map<String, Long> loaded = new TreeMap<>();
      section("purchases", () -> {
        try (Footprint.Peak peak = new Footprint.Peak(runDir())) {
          purchases(context);
          loaded.putAll(peak.peak());
        }
      });
      section("pairs", () -> pairs(context));
      section("lag", () -> eventLag(context));
      section("storm", () -> storm(context));
      section("growth", () -> {
        grow(context);
        browse(context, "Growth: " + settings.growth() + " tickets and orders stored", List.of(plain, hop), 1);
        rush(context, "Growth: " + settings.growth() + " tickets and orders stored", "rush", 1);
      });
      footprint(idle, loaded, Footprint.now(runDir()));
    }
  }

  private interface Section {
    void run() throws Exception;
  }

  /** Runs a section when BENCH_SECTIONS includes it, and notes where the CPU went meanwhile. */
  private void section(String name, Section section) throws Exception {
    if (!settings.runs(name)) {
      return;
    }
    double waited = CpuShare.awaitQuiet(runDir(), QUIET_PERCENT, 90);
    BenchContext.progress("section " + name);
    CpuShare cpu = CpuShare.from(runDir());
    section.run();
    report.note("CPU during " + name + " (% of one core; the machine has " + Runtime.getRuntime().availableProcessors() * 100
        + "%; began after " + Math.round(waited) + " s of waiting for the system to be quiet): " + cpu.since());
  }

  private Path runDir() {
    return system.data().resolve("run");
  }

  private void rush(BenchContext context, String section, String name, int rounds) throws Exception {
    Figure rate = report.figure(section, name + ": attempts", "/s", ">= 2,000");
    Figure p50 = report.figure(section, name + ": p50", "ms", "-");
    Figure p99 = report.figure(section, name + ": p99", "ms", "< 100");
    Figure winners = report.figure(section, name + ": winners", "of " + RUSH_TICKETS, "= " + RUSH_TICKETS);
    Figure errors = report.figure(section, name + ": 5xx", "answers", "0");
    Figure doubles = report.figure(section, name + ": double reservations", "tickets", "0");
    for (int round = 0; round < rounds; round++) {
      List<String> tickets = context.listTickets(context.sessions.users(5), RUSH_TICKETS, 32);
      BenchContext.settle(Duration.ofSeconds(2)); // the new tickets reach the orders side
      Rush.Result result = Rush.run(context.http, tickets, context.sessions.users(RUSH_BUYERS), RUSH_CONNECTIONS, RUSH);
      rate.add(result.attemptsPerSecond());
      p50.add(result.p50());
      p99.add(result.p99());
      winners.add(result.winners());
      errors.add(result.serverErrors());
      doubles.add(result.doubles());
      report.note(section + ", " + name + " round " + (round + 1) + ": answers " + result.statuses());
    }
  }

  private void browse(BenchContext context, String section, List<Figure> references, int rounds) throws Exception {
    List<String> tickets = context.listTickets(context.sessions.users(3), 200, 16);
    Browse.Figures detail = figures(section, "GET /api/tickets/:id", references, ">= 0.25 of plain and >= 0.60 of one-hop");
    Browse.Figures page = figures(section, "GET /api/tickets (first page)", references, ">= 0.15 of plain");
    for (int round = 0; round < rounds; round++) {
      Browse.detail(context.base(), tickets, settings.load(), detail);
      Browse.firstPage(context.base(), settings.load(), page);
    }
  }

  private Browse.Figures figures(String section, String name, List<Figure> references, String target) {
    Figure perSecond = report.figure(section, name, "req/s", target, references);
    return new Browse.Figures(perSecond, report.figure(section, name + " p50", "ms", "-"),
        report.figure(section, name + " p99", "ms", "-"), report.figure(section, name + " p99.9", "ms", "-"),
        report.figure(section, name + " answers not 2xx, or lost", "answers", "0"));
  }

  private void purchases(BenchContext context) throws Exception {
    String section = "Purchases: 64 buyers reserve then pay (tok_visa), 30 s";
    Figure rate = report.figure(section, "completed purchases", "/s", ">= 300");
    Figure p50 = report.figure(section, "order-to-complete p50", "ms", "-");
    Figure p99 = report.figure(section, "order-to-complete p99", "ms", "< 250");
    for (int round = 0; round < settings.rounds(); round++) {
      List<String> tickets = context.listTickets(context.sessions.users(10), 12_000, 64);
      BenchContext.settle(Duration.ofSeconds(2));
      Purchases.Result result = Purchases.run(vertx, context.http, tickets, context.sessions.users(64), PURCHASES);
      rate.add(result.completedPerSecond());
      p50.add(result.p50());
      p99.add(result.p99());
      report.note("purchases round " + (round + 1) + ": " + result.failed() + " failed" + (result.ranOut() ? "; ran out of tickets" : ""));
    }
  }

  /** Reserve-then-cancel at three concurrencies: the rate must grow with the buyers. */
  private void pairs(BenchContext context) {
    String section = "Reserve then cancel, 10 s at each concurrency";
    for (int buyers : new int[] {20, 64, 100}) {
      Figure rate = report.figure(section, buyers + " buyers: pairs", "/s", "grows with the buyers");
      Figure p99 = report.figure(section, buyers + " buyers: pair p99", "ms", "-");
      for (int round = 0; round < settings.rounds(); round++) {
        List<String> tickets = context.listTickets(context.sessions.users(10), 4_000, 64);
        BenchContext.settle(Duration.ofSeconds(2));
        Pairs.Result result = Pairs.run(context.http, tickets, context.sessions.users(buyers), Duration.ofSeconds(10));
        rate.add(result.pairsPerSecond());
        p99.add(result.p99());
        if (result.failed() > 0) {
          report.note("pairs, " + buyers + " buyers, round " + (round + 1) + ": " + result.failed() + " failed");
        }
      }
    }
  }

  private void eventLag(BenchContext context) throws Exception {
    String section = "Event lag: accepted order to the ticket showing it (live feed)";
    Figure rate = report.figure(section, "order rate", "/s", "500");
    Figure p50 = report.figure(section, "lag p50", "ms", "-");
    Figure p99 = report.figure(section, "lag p99", "ms", "< 50");
    for (int round = 0; round < settings.rounds(); round++) {
      List<String> tickets = context.listTickets(context.sessions.users(10), LAG_RATE * 10, 64);
      BenchContext.settle(Duration.ofSeconds(2));
      EventLag.Result result = EventLag.run(vertx, context.http, tickets, context.sessions.users(LAG_RATE), LAG_RATE, reserveShown);
      rate.add(result.ratePerSecond());
      p50.add(result.p50());
      p99.add(result.p99());
      report.note("event lag round " + (round + 1) + ": " + result.seen() + " of " + result.accepted() + " reservations seen on the feed");
    }
  }

  private void storm(BenchContext context) throws Exception {
    String section = "Expiration: " + settings.storm() + " unpaid orders due together, and a light load";
    Duration window = Duration.ofSeconds(60);
    List<String> tickets = context.listTickets(context.sessions.users(20), settings.storm(), 64);
    BenchContext.settle(Duration.ofSeconds(2));
    ExpirationStorm.Result storm = ExpirationStorm.run(context.http, tickets, context.sessions.users(settings.storm() / 10 + 1), 64,
        window, freed);
    report.figure(section, "storm: placed within", "s", "-").add(storm.dueWithinSeconds());
    report.figure(section, "storm: lateness p50", "ms", "-").add(storm.p50());
    report.figure(section, "storm: lateness p99", "ms", "< 2,000").add(storm.p99());
    report.figure(section, "storm: lateness max", "ms", "< 3,000").add(storm.max());
    report.figure(section, "storm: every ticket orderable again after the last deadline", "s", "-").add(storm.allFreeAfterSeconds());
    report.note("storm: " + storm.released() + " of " + storm.orders() + " releases seen on the feed");
    List<String> light = context.listTickets(context.sessions.users(2), 100, 4);
    BenchContext.settle(Duration.ofSeconds(2));
    ExpirationStorm.Result calm = ExpirationStorm.run(context.http, light, context.sessions.users(20), 1, window, freed);
    report.figure(section, "light load (100 orders, one at a time): lateness p99", "ms", "< 300").add(calm.p99());
  }

  /** Stores the growth data: tickets, and as many orders, left to expire (they are then history, as most orders are). */
  private void grow(BenchContext context) throws Exception {
    long began = System.nanoTime();
    List<String> tickets = context.listTickets(context.sessions.users(100), settings.growth(), 64);
    BenchContext.settle(Duration.ofSeconds(2));
    ExpirationStorm.Result orders = ExpirationStorm.run(context.http, tickets, context.sessions.users(settings.growth() / 10 + 1), 64,
        Duration.ofMinutes(3), freed);
    report.note("growth data: " + tickets.size() + " tickets and " + orders.orders() + " orders stored (the orders expired: "
        + orders.released() + " releases seen) in " + Math.round((System.nanoTime() - began) / 1e9) + " s");
  }

  private void footprint(Map<String, Long> idle, Map<String, Long> loaded, Map<String, Long> idleAfter) {
    String section = "Footprint (RSS)";
    report.figure(section, "all processes, idle after start", "MB", "<= 1,229 (1.2 GiB)").add(sum(idle));
    report.figure(section, "all processes, peak under the purchase load", "MB", "-").add(sum(loaded));
    report.figure(section, "all processes, idle at the end", "MB", "-").add(sum(idleAfter));
    report.note("RSS per process, idle after start: " + idle);
    report.note("RSS per process, peak under the purchase load: " + loaded);
  }

  private static long sum(Map<String, Long> rss) {
    return rss.values().stream().mapToLong(Long::longValue).sum();
  }

  private void watch(io.vertx.core.json.JsonObject ticket, long at) {
    EventLag.watch(ticket, at, reserveShown);
    ExpirationStorm.watch(ticket, at, held, freed);
  }
}
