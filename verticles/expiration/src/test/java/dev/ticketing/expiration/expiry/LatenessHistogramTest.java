package dev.ticketing.expiration.expiry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LatenessHistogramTest {

  @Test
  void percentilesAndMaximum() {
    LatenessHistogram histogram = new LatenessHistogram();
    for (int millis = 1; millis <= 100; millis++) {
      histogram.record(millis);
    }
    assertEquals(100, histogram.count());
    assertEquals(50, histogram.percentileMillis(0.5));
    assertEquals(99, histogram.percentileMillis(0.99));
    assertEquals(100, histogram.percentileMillis(1.0));
    assertEquals(100, histogram.maxMillis());
  }

  @Test
  void beyondTheExactRangeTheMaximumIsAnswered() {
    LatenessHistogram histogram = new LatenessHistogram();
    histogram.record(3);
    histogram.record(LatenessHistogram.EXACT_UP_TO_MILLIS + 12_345L);
    assertEquals(3, histogram.percentileMillis(0.5));
    assertEquals(LatenessHistogram.EXACT_UP_TO_MILLIS + 12_345L, histogram.percentileMillis(0.99));
  }

  @Test
  void anEarlySendCountsAsOnTimeAndAnEmptyHistogramAnswersZero() {
    LatenessHistogram histogram = new LatenessHistogram();
    assertEquals(0, histogram.percentileMillis(0.99));
    histogram.record(-40);
    assertEquals(0, histogram.maxMillis());
    assertEquals(0, histogram.percentileMillis(0.99));
  }
}
