package dev.ticketing.contracts.live;

import io.vertx.core.json.JsonObject;

/**
 * A ticket as it is right after a change, published (not sent) by the tickets service to every
 * gateway, which streams it to browsers, and to every other tickets instance, which keeps its
 * catalog of tickets current with it. Best effort by design: it rides no outbox and nothing retries
 * it; a browser that missed one asks again from its last {@link #eventId()} when it reconnects, a
 * tickets instance notices the gap in {@code seq} and reads what it missed from the database, and a
 * change applies only when its version is newer than the one held.
 *
 * @param at     when the change was written, epoch millis: the order of the stream
 * @param ticket the ticket in the API's shape ({@code GET /api/tickets/:id})
 * @param origin the tickets instance that wrote it (random per process start)
 * @param seq    that instance's count of changes published, from 1: a number skipped was missed
 */
public record LiveTicketChange(long at, JsonObject ticket, String origin, long seq) {

  public static final String ADDRESS = "live.tickets";

  /** Unique per change and ordered by time: {@code <at>-<ticket id>-<version>}. */
  public String eventId() {
    return at + "-" + ticket.getString("id") + "-" + ticket.getLong("version");
  }

  /** The time an event id was written at, or -1 when it is not one of ours. */
  public static long timeOf(String eventId) {
    int dash = eventId == null ? -1 : eventId.indexOf('-');
    try {
      return dash > 0 ? Long.parseLong(eventId.substring(0, dash)) : -1;
    } catch (NumberFormatException notOurs) {
      return -1;
    }
  }

  public JsonObject toJson() {
    return new JsonObject().put("at", at).put("ticket", ticket).put("origin", origin).put("seq", seq);
  }

  public static LiveTicketChange fromJson(JsonObject json) {
    return new LiveTicketChange(json.getLong("at"), json.getJsonObject("ticket"), json.getString("origin"),
        json.getLong("seq", 0L));
  }
}
