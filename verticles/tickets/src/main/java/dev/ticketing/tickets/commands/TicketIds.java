package dev.ticketing.tickets.commands;

import dev.ticketing.contracts.errors.NotFound;
import dev.ticketing.platform.mongo.Ids;

/**
 * The ticket id a command names. Like every service, tickets checks ids where a command comes in,
 * before any store is asked: an id that cannot exist (missing, not a string, not our format) is
 * simply a ticket that is not there, 404, and the store takes the ids it is given as they are.
 */
final class TicketIds {

  private TicketIds() {
  }

  static String named(String id) {
    if (!Ids.isWellFormed(id)) {
      throw new NotFound("Ticket not found");
    }
    return id;
  }
}
