package dev.ticketing.orders.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class HoldSlotsTest {

  @Test
  void aUserWithNoHoldsGetsSlotZero() {
    assertEquals(OptionalInt.of(0), HoldSlots.lowestFree(List.of(), 10));
  }

  @Test
  void theLowestFreeSlotIsChosenSoReleasedSlotsAreReused() {
    assertEquals(OptionalInt.of(2), HoldSlots.lowestFree(List.of(0, 1, 3), 10));
    assertEquals(OptionalInt.of(0), HoldSlots.lowestFree(List.of(1, 2), 10));
  }

  @Test
  void noSlotWhenAllAreTaken() {
    assertEquals(OptionalInt.empty(), HoldSlots.lowestFree(List.of(0, 1), 2));
    assertEquals(OptionalInt.empty(), HoldSlots.lowestFree(List.of(1, 0, 2), 3));
  }

  @Test
  void slotsOutsideTheCapDoNotCountAsFree() {
    // After the cap was lowered, a user may still hold slot 5 with cap 2: only slots 0 and 1 are offered.
    assertEquals(OptionalInt.of(1), HoldSlots.lowestFree(List.of(0, 5), 2));
  }

  @Test
  void keysNameTheUserAndTheSlot() {
    assertEquals("u1:3", HoldSlots.key("u1", 3));
    assertEquals(3, HoldSlots.slotOf("u1:3"));
    assertEquals(12, HoldSlots.slotOf("a:b:12"));
    assertEquals(-1, HoldSlots.slotOf("garbage"));
    assertEquals(-1, HoldSlots.slotOf("u1:x"));
    assertEquals(-1, HoldSlots.slotOf(null));
  }
}
