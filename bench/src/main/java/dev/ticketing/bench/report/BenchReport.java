package dev.ticketing.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The benchmark's report: machine and versions, then each section's figures with their min,
 * median and max over the rounds, ratios to the references where they apply, and the targets.
 * Markdown, so it reads in a terminal and renders in the repository.
 */
public final class BenchReport {

  /** A figure with what it is compared with: a target text, and optionally a reference to divide by. */
  private record Line(Figure figure, String target, List<Figure> per) {
  }

  private final Map<String, List<Line>> sections = new LinkedHashMap<>();
  private final List<String> notes = new ArrayList<>();
  private final String header;

  public BenchReport(String header) {
    this.header = header;
  }

  public Figure figure(String section, String name, String unit, String target) {
    return figure(section, name, unit, target, List.of());
  }

  /** A figure also shown as a ratio of each of {@code per}'s medians (throughput against the references). */
  public Figure figure(String section, String name, String unit, String target, List<Figure> per) {
    Figure figure = new Figure(name, unit);
    sections.computeIfAbsent(section, any -> new ArrayList<>()).add(new Line(figure, target, per));
    return figure;
  }

  public void note(String text) {
    notes.add(text);
  }

  public String render() {
    StringBuilder out = new StringBuilder(header).append('\n');
    sections.forEach((section, lines) -> {
      out.append("\n## ").append(section).append("\n\n| figure | median | min | max | rounds | ratio | target |\n|---|---|---|---|---|---|---|\n");
      for (Line line : lines) {
        Figure figure = line.figure();
        String ratio = line.per().stream().filter(per -> per.rounds() > 0)
            .map(per -> String.format("%.2f of %s", figure.median() / per.median(), per.name())).collect(Collectors.joining("; "));
        out.append(String.format("| %s (%s) | %s | %s | %s | %d | %s | %s |%n", figure.name(), figure.unit(), number(figure.median()),
            number(figure.min()), number(figure.max()), figure.rounds(), ratio, line.target() == null ? "" : line.target()));
      }
    });
    if (!notes.isEmpty()) {
      out.append("\n## Notes\n\n");
      notes.forEach(note -> out.append("- ").append(note).append('\n'));
    }
    return out.toString();
  }

  private static String number(double value) {
    if (Double.isNaN(value)) {
      return "-";
    }
    return Math.abs(value) >= 100 ? String.format("%,.0f", value) : String.format("%.1f", value);
  }
}
