package dev.ticketing.bench.report;

import java.util.ArrayList;
import java.util.List;

/** One measured quantity over the rounds of a run: its values, and their min, median and max. */
public final class Figure {

  private final String name;
  private final String unit;
  private final List<Double> values = new ArrayList<>();

  public Figure(String name, String unit) {
    this.name = name;
    this.unit = unit;
  }

  public Figure add(double value) {
    values.add(value);
    return this;
  }

  public String name() {
    return name;
  }

  public String unit() {
    return unit;
  }

  public int rounds() {
    return values.size();
  }

  public double median() {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n == 0 ? Double.NaN : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  public double min() {
    return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
  }

  public double max() {
    return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
  }
}
