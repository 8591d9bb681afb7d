package dev.ticketing.tickets.domain;

import dev.ticketing.contracts.errors.ApiError;
import dev.ticketing.contracts.errors.Validation;
import dev.ticketing.contracts.money.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One page request of the listing, checked. Prices are inclusive bounds in cents (null: no bound);
 * {@code afterId} is where the previous page ended (null: the first page); {@code mine} lists the
 * caller's own tickets, reserved and sold ones too, instead of the available ones.
 */
public record ListingQuery(String titleContains, Long minPrice, Long maxPrice, int limit, String afterId, boolean mine) {

  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 100;
  public static final int MAX_SEARCH = 200;
  // Far above any allowed price, small enough that its cents fit a long: larger bounds mean "no bound".
  private static final BigDecimal PRICE_CEILING = BigDecimal.valueOf(1_000_000_000_000L);

  /**
   * Reads the values as the gateway forwards them (typed by its validation; strings are accepted too).
   *
   * @throws dev.ticketing.contracts.errors.BadRequest for a cursor we did not issue
   * @throws Validation naming every other invalid parameter
   */
  public static ListingQuery parse(Object q, Object minPrice, Object maxPrice, Object limit, Object cursor, Object mine) {
    String afterId = cursor == null || "".equals(cursor) ? null : PageCursor.lastId(String.valueOf(cursor));
    List<ApiError> errors = new ArrayList<>();
    String search = search(q, errors);
    Long min = priceBound(minPrice, "minPrice", errors);
    Long max = priceBound(maxPrice, "maxPrice", errors);
    int pageSize = limit(limit, errors);
    boolean own = mine(mine, errors);
    if (!errors.isEmpty()) {
      throw new Validation(errors);
    }
    return new ListingQuery(search, min, max, pageSize, afterId, own);
  }

  /** The page everyone opens: the newest free tickets, unfiltered, default size. */
  public boolean isFirstPage() {
    return titleContains == null && minPrice == null && maxPrice == null && limit == DEFAULT_LIMIT && afterId == null && !mine;
  }

  private static String search(Object q, List<ApiError> errors) {
    if (q == null || "".equals(q)) {
      return null;
    }
    if (!(q instanceof String text) || text.length() > MAX_SEARCH) {
      errors.add(new ApiError("q must be text of at most " + MAX_SEARCH + " characters", "q"));
      return null;
    }
    return text;
  }

  /** A bound in major units to cents. Like prices, bounds have at most 2 decimals: no rounding to explain. */
  private static Long priceBound(Object raw, String field, List<ApiError> errors) {
    if (raw == null || "".equals(raw)) {
      return null;
    }
    BigDecimal major;
    try {
      major = Money.parseMajor(raw);
    } catch (IllegalArgumentException notANumber) {
      errors.add(new ApiError(field + " must be a number", field));
      return null;
    }
    if (major.signum() < 0) {
      errors.add(new ApiError(field + " must be at least 0", field));
      return null;
    }
    if (!Money.hasMinorPrecision(major)) {
      errors.add(new ApiError(field + " must have at most 2 decimals", field));
      return null;
    }
    return Money.toMinor(major.min(PRICE_CEILING));
  }

  private static int limit(Object raw, List<ApiError> errors) {
    if (raw == null || "".equals(raw)) {
      return DEFAULT_LIMIT;
    }
    long value = 0;
    if (raw instanceof Number number && number.doubleValue() == number.longValue()) {
      value = number.longValue();
    } else if (raw instanceof String text && text.strip().matches("\\d{1,9}")) {
      value = Long.parseLong(text.strip());
    }
    if (value < 1 || value > MAX_LIMIT) {
      errors.add(new ApiError("limit must be between 1 and " + MAX_LIMIT, "limit"));
      return DEFAULT_LIMIT;
    }
    return (int) value;
  }

  private static boolean mine(Object raw, List<ApiError> errors) {
    if (raw == null || raw instanceof Boolean) {
      return Boolean.TRUE.equals(raw);
    }
    if ("true".equals(raw) || "false".equals(raw)) {
      return "true".equals(raw);
    }
    errors.add(new ApiError("mine must be true or false", "mine"));
    return false;
  }
}
