package dev.ticketing.e2e.hostile;

import java.util.List;
import java.util.Map;

/** What the hostile run sent and what broke a rule, with the statuses it got. */
public record HostileReport(int probes, Map<Integer, Long> statuses, List<String> violations, boolean liveFeedRefusedOverTheLimit,
                            boolean servesNormallyAfterwards) {

  public String summary() {
    StringBuilder out = new StringBuilder("hostile corpus: ").append(probes).append(" requests; statuses ").append(statuses)
        .append("; live feed over its limit refused: ").append(liveFeedRefusedOverTheLimit)
        .append("; served normally afterwards: ").append(servesNormallyAfterwards)
        .append("; violations: ").append(violations.size()).append('\n');
    violations.stream().limit(40).forEach(violation -> out.append("  - ").append(violation).append('\n'));
    return out.toString();
  }
}
