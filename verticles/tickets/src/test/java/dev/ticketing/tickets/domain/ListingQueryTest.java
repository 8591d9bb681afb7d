package dev.ticketing.tickets.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticketing.contracts.errors.ApiError;
import dev.ticketing.contracts.errors.BadRequest;
import dev.ticketing.contracts.errors.Validation;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListingQueryTest {

  @Test
  void defaultsToTheFirstPageOfFiftyAvailableTickets() {
    assertEquals(new ListingQuery(null, null, null, 50, null, false), ListingQuery.parse(null, null, null, null, null, null));
  }

  @Test
  void readsTypedAndTextualValues() {
    String id = "0123456789abcdef01234567";
    ListingQuery query = ListingQuery.parse("rock", 10.5, "20", 10, PageCursor.after(id), true);
    assertEquals(new ListingQuery("rock", 1050L, 2000L, 10, id, true), query);
    assertEquals(new ListingQuery(null, 0L, null, 100, null, false), ListingQuery.parse("", "0", null, "100", "", "false"));
  }

  @Test
  void aHugeBoundMeansNoBoundAndDoesNotOverflow() {
    assertTrue(ListingQuery.parse(null, null, "1e400", null, null, null).maxPrice() > 100_000_000L);
  }

  @Test
  void badParametersAreFieldErrors() {
    List<ApiError> errors = assertThrows(Validation.class,
        () -> ListingQuery.parse("x".repeat(201), "-1", "abc", 0, null, "yes")).errors();
    assertEquals(List.of("q", "minPrice", "maxPrice", "limit", "mine"), errors.stream().map(ApiError::field).toList());
    assertEquals("limit", assertThrows(Validation.class, () -> ListingQuery.parse(null, null, null, 101, null, null))
        .errors().get(0).field());
    assertEquals("limit", assertThrows(Validation.class, () -> ListingQuery.parse(null, null, null, 2.5, null, null))
        .errors().get(0).field());
    assertEquals("minPrice must have at most 2 decimals", assertThrows(Validation.class,
        () -> ListingQuery.parse(null, "1e-999999999", null, null, null, null)).errors().get(0).message());
  }

  @Test
  void aCursorRoundTripsAndAForgedOneIsRefused() {
    String id = "65f0a1b2c3d4e5f601234567";
    assertEquals(id, PageCursor.lastId(PageCursor.after(id)));
    assertFalse(PageCursor.after(id).contains("="), "url-safe without padding");
    for (String forged : List.of("not base64!", PageCursor.after("../../etc"), PageCursor.after("65F0A1B2C3D4E5F601234567"), "x")) {
      assertEquals("Invalid cursor", assertThrows(BadRequest.class, () -> PageCursor.lastId(forged)).getMessage(), forged);
    }
    assertNull(ListingQuery.parse(null, null, null, null, null, null).afterId());
  }
}
