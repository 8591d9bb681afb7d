package dev.ticketing.tickets.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ticketing.contracts.errors.ApiError;
import dev.ticketing.contracts.errors.Validation;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TicketRulesTest {

  @Test
  void aNumberInMajorUnitsBecomesExactCents() {
    assertEquals(new TicketDraft("Concert", 2055), TicketRules.check("Concert", 20.55));
    assertEquals(2000, TicketRules.check("Concert", 20).price());
    assertEquals(1, TicketRules.check("Concert", 0.01).price());
    assertEquals(100_000_000, TicketRules.check("Concert", 1_000_000).price());
    assertEquals(1050, TicketRules.check("Concert", new BigDecimal("10.500")).price(), "trailing zeros are not decimals");
  }

  @Test
  void aNumericStringIsAcceptedToo() {
    assertEquals(2050, TicketRules.check("Concert", "20.5").price());
    assertEquals(2050, TicketRules.check("Concert", " 20.50 ").price());
    assertEquals(150, TicketRules.check("Concert", "1.5e0").price());
  }

  @Test
  void theTitleIsTrimmed() {
    assertEquals("Concert", TicketRules.check("  Concert \n", 10).title());
  }

  @Test
  void aTitleIsRequired() {
    assertEquals(List.of(new ApiError("Title is required", "title")), errors(null, 10));
    assertEquals(List.of(new ApiError("Title is required", "title")), errors("", 10));
    assertEquals(List.of(new ApiError("Title is required", "title")), errors("   ", 10));
    assertEquals(List.of(new ApiError("Title is required", "title")), errors(42, 10));
  }

  @Test
  void aTitleHasAtMost200Characters() {
    assertEquals(200, TicketRules.check("x".repeat(200), 10).title().length());
    assertEquals(List.of(new ApiError("Title must be at most 200 characters", "title")), errors("x".repeat(201), 10));
    // Characters, not UTF-16 units: 200 emoji are 400 chars in Java and still allowed.
    assertEquals(400, TicketRules.check("\uD83C\uDFAB".repeat(200), 10).title().length());
  }

  @Test
  void aPriceMustBeGreaterThanZero() {
    assertEquals(priceError("Price must be greater than 0"), errors("Concert", 0));
    assertEquals(priceError("Price must be greater than 0"), errors("Concert", -1));
    assertEquals(priceError("Price must be greater than 0"), errors("Concert", "-0.5"));
    assertEquals(priceError("Price must be greater than 0"), errors("Concert", "0.00"));
  }

  @Test
  void aPriceHasAtMostTwoDecimals() {
    assertEquals(priceError("Price must have at most 2 decimals"), errors("Concert", 10.123));
    assertEquals(priceError("Price must have at most 2 decimals"), errors("Concert", "0.001"));
    assertEquals(priceError("Price must have at most 2 decimals"), errors("Concert", "1e-400"));
  }

  @Test
  void aPriceIsAtMostOneMillion() {
    assertEquals(priceError("Price must be at most 1000000"), errors("Concert", 1_000_000.01));
    assertEquals(priceError("Price must be at most 1000000"), errors("Concert", "1e400"));
    assertEquals(priceError("Price must be at most 1000000"), errors("Concert", 1e300));
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "NaN", "-NaN", "Infinity", "-Infinity", "1e", "", " ", "12abc", "0x10", "1,5", "1e99999999999"})
  void aPriceThatIsNoNumberIsRefused(String price) {
    assertEquals(priceError("Price must be a number"), errors("Concert", price));
  }

  @Test
  void nonFiniteAndNonNumericJsonValuesAreRefused() {
    assertEquals(priceError("Price must be a number"), errors("Concert", Double.NaN));
    assertEquals(priceError("Price must be a number"), errors("Concert", Double.POSITIVE_INFINITY));
    assertEquals(priceError("Price must be a number"), errors("Concert", true));
    assertEquals(priceError("Price is required"), errors("Concert", null));
  }

  @Test
  void everyFieldErrorIsReportedAtOnce() {
    assertEquals(List.of(new ApiError("Title is required", "title"), new ApiError("Price must be a number", "price")),
        errors("", "abc"));
  }

  private static List<ApiError> errors(Object title, Object price) {
    return assertThrows(Validation.class, () -> TicketRules.check(title, price)).errors();
  }

  private static List<ApiError> priceError(String message) {
    return List.of(new ApiError(message, "price"));
  }
}
