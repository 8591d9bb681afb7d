package dev.ticketing.platform.delivery;

import dev.ticketing.contracts.events.Versioned;

/**
 * The rule every replica follows: apply version v only on top of v - 1. A version we already have
 * (or have passed) is a duplicate; a version further ahead means we missed one, so refuse it and
 * let the relay deliver it again after the missing one.
 */
public final class VersionCheck {

  private VersionCheck() {
  }

  /**
   * What to do with {@code event} given the version we hold ({@code null} when we hold nothing).
   *
   * @return true to apply, false for a duplicate
   * @throws OutOfOrder when a predecessor is missing
   */
  public static boolean shouldApply(Long held, Versioned event) {
    long expected = held == null ? 0 : held + 1;
    if (event.version() == expected) {
      return true;
    }
    if (held != null && event.version() <= held) {
      return false;
    }
    throw new OutOfOrder("event " + event.id() + " v" + event.version() + " arrived while v"
        + (held == null ? "(none)" : held) + " is held");
  }
}
