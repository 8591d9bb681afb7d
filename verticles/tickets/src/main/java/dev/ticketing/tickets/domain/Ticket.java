package dev.ticketing.tickets.domain;

import dev.ticketing.contracts.events.TicketCreated;
import dev.ticketing.contracts.events.TicketUpdated;
import dev.ticketing.contracts.money.Money;
import io.vertx.core.json.JsonObject;

/**
 * A listed ticket at one version. {@code price} is in cents; {@code orderId} names the order that
 * holds it (null when free); {@code sold} becomes true when that order completes, and the order
 * stays recorded. Each transition returns the next state at {@code version + 1}, which is what the
 * store writes and what the emitted event carries.
 */
public record Ticket(String id, String title, long price, String userId, long version, String orderId, boolean sold) {

  /** Only a free ticket may be edited by its seller. */
  public boolean isEditable() {
    return orderId == null && !sold;
  }

  public Ticket edited(TicketDraft draft) {
    return new Ticket(id, draft.title(), draft.price(), userId, version + 1, orderId, sold);
  }

  public Ticket reservedBy(String order) {
    return new Ticket(id, title, price, userId, version + 1, order, sold);
  }

  public Ticket released() {
    return new Ticket(id, title, price, userId, version + 1, null, sold);
  }

  public Ticket markedSold() {
    return new Ticket(id, title, price, userId, version + 1, orderId, true);
  }

  public TicketCreated createdEvent() {
    return new TicketCreated(id, version, title, price, userId);
  }

  public TicketUpdated updatedEvent() {
    return new TicketUpdated(id, version, title, price, userId, orderId, sold);
  }

  /** The API shape: the price in major units, {@code orderId} present and null when free. */
  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("title", title)
        .put("price", Money.toMajor(price))
        .put("userId", userId)
        .put("version", version)
        .put("orderId", orderId)
        .put("sold", sold);
  }
}
