package dev.ticketing.contracts.events;

import io.vertx.core.json.JsonObject;

/**
 * The tickets service did not reserve the ticket for an order: the seller edited the ticket after
 * the version the order was priced from ({@code pricedAtVersion}), so the order would charge a price
 * or describe a ticket that no longer stands. The orders service cancels the order unless it is
 * complete. Not versioned: it is the one answer to one order's creation, and "cancel unless
 * complete" changes nothing the second time.
 */
public record ReservationRefused(String orderId, String ticketId, long pricedAtVersion, long ticketVersion)
    implements EventPayload {

  @Override
  public Subject subject() {
    return Subject.RESERVATION_REFUSED;
  }

  @Override
  public JsonObject toJson() {
    return new JsonObject()
        .put("orderId", orderId)
        .put("ticket", new JsonObject().put("id", ticketId).put("version", ticketVersion).put("pricedAtVersion", pricedAtVersion));
  }

  public static ReservationRefused fromJson(JsonObject json) {
    JsonObject ticket = Json.object(json, "ticket");
    return new ReservationRefused(Json.string(json, "orderId"), Json.string(ticket, "id"),
        Json.number(ticket, "pricedAtVersion"), Json.number(ticket, "version"));
  }
}
