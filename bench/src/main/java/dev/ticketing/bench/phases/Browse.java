package dev.ticketing.bench.phases;

import dev.ticketing.bench.load.Wrk;
import dev.ticketing.bench.report.Figure;
import java.time.Duration;
import java.util.List;

/** People looking: one ticket's page (a random one of {@code tickets}) and the listing's first page, 64 connections. */
public final class Browse {

  /** The figures of one endpoint. */
  public record Figures(Figure perSecond, Figure p50, Figure p99, Figure p999, Figure failed) {
  }

  private static final Duration WARM_UP = Duration.ofSeconds(3);

  private Browse() {
  }

  public static void detail(String base, List<String> tickets, Duration load, Figures into) throws Exception {
    measure(base, tickets.stream().map(id -> "/api/tickets/" + id).toList(), load, into);
  }

  public static void firstPage(String base, Duration load, Figures into) throws Exception {
    measure(base, List.of("/api/tickets"), load, into);
  }

  private static void measure(String base, List<String> paths, Duration load, Figures into) throws Exception {
    Wrk.run(base, paths, 64, WARM_UP);
    Wrk.Result run = Wrk.run(base, paths, 64, load);
    into.perSecond().add(run.perSecond());
    into.p50().add(run.p50());
    into.p99().add(run.p99());
    into.p999().add(run.p999());
    into.failed().add(run.non2xx() + run.socketErrors());
  }
}
