package dev.ticketing.tickets.domain;

import dev.ticketing.contracts.errors.ApiError;
import dev.ticketing.contracts.errors.Validation;
import dev.ticketing.contracts.money.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The rules for a ticket's title and price, on create and on edit. Pure: no I/O, no Vert.x. */
public final class TicketRules {

  public static final int MAX_TITLE = 200;
  public static final BigDecimal MAX_PRICE = BigDecimal.valueOf(1_000_000);

  private TicketRules() {
  }

  /**
   * The draft to store, or every field error at once.
   *
   * @param title as the client sent it (a string is expected)
   * @param price as the client sent it: a JSON number or a numeric string, in major units
   * @throws Validation naming each invalid field
   */
  public static TicketDraft check(Object title, Object price) {
    List<ApiError> errors = new ArrayList<>();
    String checkedTitle = checkTitle(title, errors);
    long cents = checkPrice(price, errors);
    if (!errors.isEmpty()) {
      throw new Validation(errors);
    }
    return new TicketDraft(checkedTitle, cents);
  }

  private static String checkTitle(Object raw, List<ApiError> errors) {
    String title = raw instanceof String text ? text.strip() : "";
    if (title.isEmpty()) {
      errors.add(new ApiError("Title is required", "title"));
    } else if (title.codePointCount(0, title.length()) > MAX_TITLE) {
      errors.add(new ApiError("Title must be at most " + MAX_TITLE + " characters", "title"));
    }
    return title;
  }

  /** Cents, or 0 after recording the error. */
  private static long checkPrice(Object raw, List<ApiError> errors) {
    if (raw == null) {
      errors.add(new ApiError("Price is required", "price"));
      return 0;
    }
    BigDecimal major;
    try {
      major = Money.parseMajor(raw);
    } catch (IllegalArgumentException notANumber) { // also NumberFormatException: an exponent BigDecimal cannot hold
      errors.add(new ApiError("Price must be a number", "price"));
      return 0;
    }
    // Range before precision, so a huge or negative amount is reported as such whatever its decimals.
    if (major.signum() <= 0) {
      errors.add(new ApiError("Price must be greater than 0", "price"));
    } else if (major.compareTo(MAX_PRICE) > 0) {
      errors.add(new ApiError("Price must be at most " + MAX_PRICE.toPlainString(), "price"));
    } else if (!Money.hasMinorPrecision(major)) {
      errors.add(new ApiError("Price must have at most 2 decimals", "price"));
    } else {
      return Money.toMinor(major);
    }
    return 0;
  }
}
