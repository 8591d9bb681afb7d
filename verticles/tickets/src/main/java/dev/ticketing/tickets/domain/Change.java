package dev.ticketing.tickets.domain;

import dev.ticketing.contracts.events.EventPayload;
import java.util.List;

/**
 * A ticket's next state and the events that announce it, written together in one conditional
 * update. {@code visible} is false for a change only our own bookkeeping sees (a refused
 * reservation): the ticket's version, which clients see, then stays as it was.
 */
public record Change(Ticket next, List<EventPayload> events, boolean visible) {

  public Change {
    events = List.copyOf(events);
  }
}
