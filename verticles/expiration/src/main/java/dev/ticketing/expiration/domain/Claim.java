package dev.ticketing.expiration.domain;

import java.util.List;

/**
 * What one poll took from the schedule. {@code firstAttempts} had fallen due and are sent for the
 * first time; {@code expiredLeases} were claimed before, by us or by an instance that may have died,
 * and were not acknowledged within the lease, so they are sent again. Their due time is not kept
 * once claimed (the claim's score is its lease), so only first attempts measure lateness.
 */
public record Claim(List<DueOrder> firstAttempts, List<String> expiredLeases) {

  public Claim {
    firstAttempts = List.copyOf(firstAttempts);
    expiredLeases = List.copyOf(expiredLeases);
  }

  public int size() {
    return firstAttempts.size() + expiredLeases.size();
  }

  public boolean isEmpty() {
    return size() == 0;
  }
}
