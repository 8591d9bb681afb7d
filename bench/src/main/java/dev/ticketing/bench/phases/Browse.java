package dev.ticketing.bench.phases;

import dev.ticketing.bench.load.Call;
import dev.ticketing.bench.load.LoadGenerator;
import dev.ticketing.bench.report.Figure;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** People looking: one ticket's page and the listing's first page, 64 connections each. */
public final class Browse {

  /** The figures of one endpoint. */
  public record Figures(Figure perSecond, Figure p50, Figure p99, Figure p999, Figure serverErrors) {
  }

  private Browse() {
  }

  public static void detail(LoadGenerator http, List<String> tickets, Duration load, Figures into) throws Exception {
    measure(http, load, () -> Call.get("/api/tickets/" + tickets.get(ThreadLocalRandom.current().nextInt(tickets.size()))), into);
  }

  public static void firstPage(LoadGenerator http, Duration load, Figures into) throws Exception {
    Call page = Call.get("/api/tickets");
    measure(http, load, () -> page, into);
  }

  private static void measure(LoadGenerator http, Duration load, java.util.function.Supplier<Call> next, Figures into)
      throws Exception {
    http.run(64, Duration.ofSeconds(3), loop -> next.get(), (call, answer) -> { }).toCompletionStage().toCompletableFuture().get();
    LoadGenerator.Run run = http.run(64, load, loop -> next.get(), (call, answer) -> { })
        .toCompletionStage().toCompletableFuture().get();
    into.perSecond().add(run.perSecond());
    into.p50().add(run.latencies().millisAt(50));
    into.p99().add(run.latencies().millisAt(99));
    into.p999().add(run.latencies().millisAt(99.9));
    into.serverErrors().add(run.serverErrors());
  }
}
