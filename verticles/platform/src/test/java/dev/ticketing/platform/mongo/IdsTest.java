package dev.ticketing.platform.mongo;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IdsTest {

  @Test
  void newIdsAreWellFormed() {
    assertTrue(Ids.isWellFormed(Ids.newId()));
  }

  @Test
  void onlyLowercaseObjectIdHexIsWellFormed() {
    assertTrue(Ids.isWellFormed("0123456789abcdef01234567"));
    assertFalse(Ids.isWellFormed("0123456789ABCDEF01234567"));
    assertFalse(Ids.isWellFormed("0123456789abcdef0123456"));
    assertFalse(Ids.isWellFormed("0123456789abcdef012345678"));
    assertFalse(Ids.isWellFormed("../../etc/passwd"));
    assertFalse(Ids.isWellFormed(""));
    assertFalse(Ids.isWellFormed(42));
    assertFalse(Ids.isWellFormed(null));
  }
}
