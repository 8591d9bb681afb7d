package dev.ticketing.orders.domain;

import java.util.Collection;
import java.util.OptionalInt;

/**
 * The per-user cap on unpaid orders, made race-proof by a unique index: a user's unpaid order
 * occupies one of {@code cap} numbered slots, stored as {@code userHold = "<userId>:<slot>"}. Two
 * reservations that pick the same slot collide in the index, so the user can never hold more than
 * {@code cap} unpaid orders, however many requests race.
 */
public final class HoldSlots {

  private HoldSlots() {
  }

  /** The lowest slot in [0, cap) not in {@code used}; empty when every slot is taken. */
  public static OptionalInt lowestFree(Collection<Integer> used, int cap) {
    for (int slot = 0; slot < cap; slot++) {
      if (!used.contains(slot)) {
        return OptionalInt.of(slot);
      }
    }
    return OptionalInt.empty();
  }

  /** The value stored in {@code userHold}. */
  public static String key(String userId, int slot) {
    return userId + ":" + slot;
  }

  /** The slot in a stored {@code userHold} value; -1 when the value is not one of ours. */
  public static int slotOf(String key) {
    int colon = key == null ? -1 : key.lastIndexOf(':');
    if (colon < 0) {
      return -1;
    }
    try {
      return Integer.parseInt(key.substring(colon + 1));
    } catch (NumberFormatException notOurs) {
      return -1;
    }
  }
}
