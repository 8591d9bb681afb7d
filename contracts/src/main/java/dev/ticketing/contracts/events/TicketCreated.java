package dev.ticketing.contracts.events;

import io.vertx.core.json.JsonObject;

/** A ticket was listed. {@code price} is in minor units (cents). */
public record TicketCreated(String id, long version, String title, long price, String userId)
    implements EventPayload, Versioned {

  @Override
  public Subject subject() {
    return Subject.TICKET_CREATED;
  }

  @Override
  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("version", version)
        .put("title", title)
        .put("price", price)
        .put("userId", userId);
  }

  public static TicketCreated fromJson(JsonObject json) {
    return new TicketCreated(Json.string(json, "id"), Json.number(json, "version"),
        Json.string(json, "title"), Json.number(json, "price"), Json.string(json, "userId"));
  }
}
