package dev.ticketing.contracts.money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Prices travel and are stored as integer minor units (cents); the HTTP API shows major units
 * (20.5 means 20.50). Conversions go through BigDecimal so no binary-floating-point error can
 * creep into an amount.
 */
public final class Money {

  private static final int MINOR_DIGITS = 2;

  private Money() {
  }

  /** Cents to the JSON number the API shows: 2050 → 20.5, 2000 → 20. */
  public static Number toMajor(long minor) {
    BigDecimal major = BigDecimal.valueOf(minor, MINOR_DIGITS).stripTrailingZeros();
    return major.scale() <= 0 ? (Number) major.longValueExact() : (Number) major.doubleValue();
  }

  /**
   * Major units to cents, exactly.
   *
   * @throws ArithmeticException when the amount has more than 2 decimals or does not fit a long
   */
  public static long toMinor(BigDecimal major) {
    return major.movePointRight(MINOR_DIGITS).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
  }

  /** True when the amount has at most 2 decimals (trailing zeros do not count: 1.500 is fine). */
  public static boolean hasMinorPrecision(BigDecimal major) {
    return major.stripTrailingZeros().scale() <= MINOR_DIGITS;
  }

  /**
   * Major units as written by a client: a JSON number or a numeric string.
   *
   * @throws IllegalArgumentException when the value is not a finite number
   */
  public static BigDecimal parseMajor(Object major) {
    if (major instanceof Number number) {
      return new BigDecimal(decimalText(number));
    }
    if (major instanceof String text && text.trim().matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?")) {
      return new BigDecimal(text.trim());
    }
    throw new IllegalArgumentException("not a number");
  }

  /**
   * A JSON number as decimal text that means exactly what the client wrote. Double.toString gives
   * the shortest text that round-trips: 20.55 stays "20.55", not 20.550000000000000710...
   *
   * @throws IllegalArgumentException for NaN or an infinity, which are not amounts
   */
  public static String decimalText(Number number) {
    double asDouble = number.doubleValue();
    if (Double.isNaN(asDouble) || Double.isInfinite(asDouble)) {
      throw new IllegalArgumentException("not a finite number");
    }
    return number instanceof Double || number instanceof Float ? Double.toString(asDouble) : number.toString();
  }
}
