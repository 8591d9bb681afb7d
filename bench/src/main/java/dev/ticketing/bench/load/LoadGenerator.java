package dev.ticketing.bench.load;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Closed-loop HTTP load: {@code connections} keep-alive connections, each sending its next call as
 * soon as the previous one was answered, for a while. Each "loop" is one user at full speed;
 * latencies go into an HdrHistogram. Also runs single calls and bounded bursts for set-up work.
 */
public final class LoadGenerator implements AutoCloseable {

  /** What a timed run did. */
  public record Run(long calls, double seconds, Latencies latencies, Map<Integer, Long> statuses) {

    public double perSecond() {
      return calls / seconds;
    }

    public long serverErrors() {
      return statuses.entrySet().stream().filter(entry -> entry.getKey() == 0 || entry.getKey() >= 500)
          .mapToLong(Map.Entry::getValue).sum();
    }
  }

  private final Vertx vertx;
  private final HttpClient http;
  private final String host;
  private final int port;

  public LoadGenerator(Vertx vertx, String host, int port, int connections) {
    this.vertx = vertx;
    this.host = host;
    this.port = port;
    this.http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setConnectTimeout(5_000)
        .setIdleTimeout(60), new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
  }

  /**
   * One call, answered whatever its status (0 when no answer came within 30 s). A call made from
   * outside Vert.x (the benchmark's main thread) is handed to an event loop first: composing on a
   * response from a foreign thread can miss a body that already arrived, and the call never ends.
   */
  public Future<Answer> call(Call call) {
    if (Vertx.currentContext() == null) {
      Promise<Answer> answered = Promise.promise();
      vertx.runOnContext(start -> send(call).onComplete(answered));
      return answered.future();
    }
    return send(call);
  }

  private Future<Answer> send(Call call) {
    long began = System.nanoTime();
    RequestOptions options = new RequestOptions().setMethod(call.method()).setHost(host).setPort(port).setURI(call.path())
        .setHeaders(call.headers()).setIdleTimeout(30_000);
    return http.request(options)
        .compose(request -> call.body() == null ? request.send() : request.send(call.body()))
        .compose(response -> response.body().map(body -> new Answer(response.statusCode(), body, System.nanoTime() - began)))
        .timeout(30, TimeUnit.SECONDS)
        .otherwise(failure -> new Answer(0, Buffer.buffer(String.valueOf(failure.getMessage())), System.nanoTime() - began));
  }

  /**
   * {@code loops} loops, each calling {@code next.apply(loop)} again as soon as it is answered, for
   * {@code duration} (or until {@code next} answers null); {@code answered} sees every call.
   */
  public Future<Run> run(int loops, Duration duration, Function<Integer, Call> next, BiConsumer<Call, Answer> answered) {
    Latencies latencies = new Latencies();
    Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    AtomicLong calls = new AtomicLong();
    long began = System.nanoTime();
    return flows(loops, duration, loop -> {
      Call call = next.apply(loop);
      if (call == null) {
        return null;
      }
      return call(call).onSuccess(answer -> {
        latencies.record(answer.nanos());
        statuses.computeIfAbsent(answer.status(), any -> new LongAdder()).increment();
        calls.incrementAndGet();
        answered.accept(call, answer);
      });
    }).map(ended -> {
      Map<Integer, Long> counted = new TreeMap<>();
      statuses.forEach((status, count) -> counted.put(status, count.sum()));
      return new Run(calls.get(), (System.nanoTime() - began) / 1e9, latencies, counted);
    });
  }

  /**
   * {@code loops} loops, each running {@code flow.apply(loop)} (a sequence of calls: reserve, then
   * pay) again as soon as the last one ended, for {@code duration} or until {@code flow} answers null.
   */
  public Future<Void> flows(int loops, Duration duration, Function<Integer, Future<?>> flow) {
    long end = System.nanoTime() + duration.toNanos();
    Promise<Void> done = Promise.promise();
    AtomicInteger running = new AtomicInteger(loops);
    Runnable finished = () -> {
      if (running.decrementAndGet() == 0) {
        done.complete();
      }
    };
    for (int loop = 0; loop < loops; loop++) {
      int id = loop;
      vertx.runOnContext(start -> again(id, end, flow, finished));
    }
    return done.future();
  }

  private void again(int id, long end, Function<Integer, Future<?>> flow, Runnable finished) {
    Future<?> step = System.nanoTime() >= end ? null : flow.apply(id);
    if (step == null) {
      finished.run();
      return;
    }
    step.onComplete(ended -> again(id, end, flow, finished));
  }

  @Override
  public void close() {
    http.close();
  }
}
