package dev.ticketing.e2e.chaos;

import java.util.function.Predicate;

/** Reads figures out of a JVM's {@code /metrics} page (Prometheus' text format), as a dashboard would. */
final class Scrape {

  private Scrape() {
  }

  /** The sum of every series called {@code name} whose labels pass {@code labels}; NaN when the page is missing. */
  static double sum(String page, String name, Predicate<String> labels) {
    if (page == null) {
      return Double.NaN;
    }
    double total = 0;
    for (String line : page.split("\n")) {
      if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
        int close = line.lastIndexOf('}');
        String labelText = close < 0 ? "" : line.substring(name.length() + 1, close);
        if (labels.test(labelText)) {
          total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        }
      }
    }
    return total;
  }

  static double sum(String page, String name) {
    return sum(page, name, any -> true);
  }

  /**
   * Messages that reached this JVM's consumers from other members, leaving out replies and the
   * readiness pings: the work the bus routes to it.
   */
  static double workReceived(String page) {
    return sum(page, "vertx_eventbus_received_total", labels -> labels.contains("side=\"remote\"")
        && !labels.contains("address=\"reply\"") && !labels.contains("address=\"ping."));
  }
}
