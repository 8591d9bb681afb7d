package dev.ticketing.tickets.store;

import dev.ticketing.tickets.domain.OrderMark;
import dev.ticketing.tickets.domain.Ticket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** How a ticket is laid out in collection {@code tickets}. */
final class TicketDocuments {

  private TicketDocuments() {
  }

  /** The fields a change sets; _id and userId never change. */
  static JsonObject fields(Ticket ticket) {
    JsonArray marks = new JsonArray();
    ticket.recentOrders().forEach(mark -> marks.add(new JsonObject().put("id", mark.orderId()).put("version", mark.version())
        .put("refused", mark.refused())));
    return new JsonObject()
        .put("title", ticket.title())
        .put("price", ticket.price())
        .put("version", ticket.version())
        .put("orderId", ticket.orderId())
        .put("sold", ticket.sold())
        .put("editedVersion", ticket.editedVersion())
        .put("recentOrders", marks);
  }

  static JsonObject newDocument(Ticket ticket, String createdAt) {
    return fields(ticket).put("_id", ticket.id()).put("userId", ticket.userId()).put("createdAt", createdAt);
  }

  static Ticket fromDocument(JsonObject document) {
    if (document == null) {
      return null;
    }
    List<OrderMark> marks = new ArrayList<>();
    for (Object item : document.getJsonArray("recentOrders", new JsonArray())) {
      JsonObject mark = (JsonObject) item;
      marks.add(new OrderMark(mark.getString("id"), mark.getLong("version", 0L), mark.getBoolean("refused", false)));
    }
    String orderId = document.getString("orderId");
    if (orderId != null && marks.stream().noneMatch(mark -> mark.orderId().equals(orderId))) {
      marks.add(new OrderMark(orderId, 0, false)); // written before tickets kept marks
    }
    return new Ticket(
        document.getString("_id"),
        document.getString("title"),
        document.getLong("price"),
        document.getString("userId"),
        document.getLong("version"),
        orderId,
        document.getBoolean("sold", false),
        document.getLong("editedVersion", 0L),
        marks);
  }
}
