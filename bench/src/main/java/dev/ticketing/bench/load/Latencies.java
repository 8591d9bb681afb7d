package dev.ticketing.bench.load;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/** Latencies in microseconds, up to a minute, three significant digits; safe to record from any thread. */
public final class Latencies {

  private final Recorder recorder = new Recorder(TimeUnit.MINUTES.toMicros(1), 3);
  private Histogram total;

  public void record(long nanos) {
    recorder.recordValue(Math.min(TimeUnit.NANOSECONDS.toMicros(nanos), TimeUnit.MINUTES.toMicros(1)));
  }

  /** Everything recorded so far (later reads add what came since). */
  public synchronized Histogram histogram() {
    Histogram interval = recorder.getIntervalHistogram();
    if (total == null) {
      total = interval.copy();
    } else {
      total.add(interval);
    }
    return total;
  }

  /** The latency at {@code percentile} (50, 99, 99.9) in milliseconds. */
  public double millisAt(double percentile) {
    return histogram().getValueAtPercentile(percentile) / 1000.0;
  }

  public long count() {
    return histogram().getTotalCount();
  }
}
