package dev.ticketing.bench.load;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Read-only load by wrk (two threads, as the references were first measured): the cheapest load
 * generator there is, so the figures it gives measure the server and not the generator. Used for
 * the references and browsing, where every request is a GET; the flows that need sessions and
 * bodies use {@link LoadGenerator}. A Lua script picks each request's path and prints the figures.
 */
public final class Wrk {

  /** What one wrk run measured; non-2xx counts every answer that is not 2xx or 3xx. */
  public record Result(double perSecond, double p50, double p99, double p999, long non2xx, long socketErrors) {
  }

  private static final String REPORT = """
      done = function(summary, latency, requests)
        io.write(string.format("WRK-RESULT {\\"requests\\":%d,\\"micros\\":%d,\\"p50\\":%d,\\"p99\\":%d,\\"p999\\":%d,"
          .. "\\"non2xx\\":%d,\\"socketErrors\\":%d}\\n", summary.requests, summary.duration, latency:percentile(50),
          latency:percentile(99), latency:percentile(99.9), summary.errors.status,
          summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
      end
      """;

  private Wrk() {
  }

  /** GETs {@code path} on {@code base} over {@code connections} connections for {@code duration}. */
  public static Result get(String base, String path, int connections, Duration duration) throws IOException, InterruptedException {
    return run(base, List.of(path), connections, duration);
  }

  /** GETs a random one of {@code paths} each time. */
  public static Result run(String base, List<String> paths, int connections, Duration duration)
      throws IOException, InterruptedException {
    Path script = Files.createTempFile("bench-wrk", ".lua");
    try {
      Files.writeString(script, script(paths));
      List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c" + connections, "-d" + duration.toSeconds() + "s",
          "--timeout", "10s", "-s", script.toString(), base));
      Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(wrk.getInputStream().readAllBytes());
      if (wrk.waitFor() != 0 || !output.contains("WRK-RESULT ")) {
        throw new IOException("wrk failed: " + output);
      }
      JsonObject figures = new JsonObject(output.substring(output.indexOf("WRK-RESULT ") + 11).lines().findFirst().orElseThrow());
      return new Result(figures.getLong("requests") / (figures.getLong("micros") / 1e6), figures.getLong("p50") / 1e3,
          figures.getLong("p99") / 1e3, figures.getLong("p999") / 1e3, figures.getLong("non2xx"), figures.getLong("socketErrors"));
    } finally {
      Files.deleteIfExists(script);
    }
  }

  private static String script(List<String> paths) {
    StringBuilder lua = new StringBuilder("local paths = {");
    for (String path : paths) {
      lua.append('"').append(path.replace("\\", "\\\\").replace("\"", "\\\"")).append("\",");
    }
    lua.append("}\nlocal count = #paths\n")
        .append("math.randomseed(os.time())\n")
        .append("request = function()\n  return wrk.format(\"GET\", paths[math.random(count)])\nend\n")
        .append(REPORT);
    return lua.toString();
  }
}
