package dev.ticketing.tickets.domain;

import dev.ticketing.contracts.errors.BadRequest;
import dev.ticketing.platform.mongo.Ids;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque position of a listing page: the id of the last ticket shown, base64url-encoded.
 * Ids grow with creation time, so "ids below this one" is exactly "the next page, newest first",
 * and tickets listed meanwhile neither repeat nor shift the following pages.
 */
public final class PageCursor {

  private PageCursor() {
  }

  public static String after(String lastId) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(lastId.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The id the page continues after.
   *
   * @throws BadRequest when the text is not a cursor we issued
   */
  public static String lastId(String cursor) {
    try {
      String id = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (Ids.isWellFormed(id)) {
        return id;
      }
    } catch (IllegalArgumentException notBase64) {
      // falls through to the same answer as a well-encoded cursor with a wrong content
    }
    throw new BadRequest("Invalid cursor");
  }
}
