package dev.ticketing.contracts.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

  @Test
  void centsBecomeTheNumberTheApiShows() {
    assertEquals(20.5, Money.toMajor(2050));
    assertEquals(20L, Money.toMajor(2000));
    assertEquals(0.01, Money.toMajor(1));
    assertEquals(1_000_000L, Money.toMajor(100_000_000));
  }

  @Test
  void clientAmountsBecomeExactCents() {
    assertEquals(2055, Money.toMinor(Money.parseMajor(20.55)));
    assertEquals(2055, Money.toMinor(Money.parseMajor("20.55")));
    assertEquals(10, Money.toMinor(Money.parseMajor(0.1)));
    assertEquals(1500, Money.toMinor(Money.parseMajor("15")));
    assertThrows(ArithmeticException.class, () -> Money.toMinor(new BigDecimal("10.123")));
  }

  @Test
  void onlyFiniteNumbersParse() {
    for (Object bad : new Object[] {"abc", "", "1,5", Double.NaN, Double.POSITIVE_INFINITY, true, null}) {
      assertThrows(IllegalArgumentException.class, () -> Money.parseMajor(bad), String.valueOf(bad));
    }
  }

  @Test
  void precisionIsTwoDecimalsIgnoringTrailingZeros() {
    assertTrue(Money.hasMinorPrecision(new BigDecimal("1.500")));
    assertFalse(Money.hasMinorPrecision(new BigDecimal("1.505")));
  }
}
