package dev.ticketing.orders.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExpiryTest {

  private static final Instant EXPIRES = Instant.parse("2026-11-22T10:15:00Z");

  @Test
  void expiresAtIsNowPlusTheWindowToTheMillisecond() {
    Instant now = Instant.parse("2026-11-22T10:00:00.123456789Z");
    assertEquals(Instant.parse("2026-11-22T10:15:00.123Z"), Expiry.expiresAt(now, Duration.ofSeconds(900)));
    assertEquals("2026-11-22T10:01:00.123Z", Expiry.expiresAt(now, Duration.ofSeconds(60)).toString());
  }

  @Test
  void anOrderIsDueAtItsExpiryAndAfter() {
    assertTrue(Expiry.isDue(EXPIRES, EXPIRES));
    assertTrue(Expiry.isDue(EXPIRES.plusSeconds(3600), EXPIRES));
  }

  @Test
  void aNoticeUpToOneSecondEarlyIsHonouredForClockSkew() {
    assertTrue(Expiry.isDue(EXPIRES.minusMillis(999), EXPIRES));
    assertTrue(Expiry.isDue(EXPIRES.minusSeconds(1), EXPIRES));
  }

  @Test
  void anEarlierNoticeIsNotDue() {
    assertFalse(Expiry.isDue(EXPIRES.minusMillis(1001), EXPIRES));
    assertFalse(Expiry.isDue(EXPIRES.minusSeconds(600), EXPIRES));
  }
}
