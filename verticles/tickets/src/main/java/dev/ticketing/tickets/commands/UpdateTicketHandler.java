package dev.ticketing.tickets.commands;

import dev.ticketing.contracts.commands.TicketEdit;
import dev.ticketing.contracts.errors.BadRequest;
import dev.ticketing.contracts.errors.Forbidden;
import dev.ticketing.contracts.errors.NotFound;
import dev.ticketing.platform.commands.CommandHandler;
import dev.ticketing.platform.commands.CommandRequest;
import dev.ticketing.tickets.domain.Change;
import dev.ticketing.tickets.domain.Ticket;
import dev.ticketing.tickets.domain.TicketDraft;
import dev.ticketing.tickets.domain.TicketRules;
import dev.ticketing.tickets.store.TicketStore;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The seller edits title and price of a free ticket. The write is conditional on the version that
 * was checked, so a reservation that lands between the check and the write is never overwritten:
 * the store reads again and the ticket is then found reserved (400).
 */
public final class UpdateTicketHandler implements CommandHandler {

  private static final Logger log = LoggerFactory.getLogger(UpdateTicketHandler.class);

  private final TicketStore tickets;

  public UpdateTicketHandler(TicketStore tickets) {
    this.tickets = tickets;
  }

  @Override
  public Future<?> handle(CommandRequest request) {
    String userId = request.requireUser();
    TicketEdit input = TicketEdit.fromJson(request.body());
    TicketDraft draft = TicketRules.check(input.title(), input.price());
    String id = TicketIds.named(input.id());
    return tickets.modify(id, current -> edit(current, userId, draft))
        .onSuccess(ticket -> log.info("ticket {} edited by user {}, now v{} (request {})",
            ticket.id(), userId, ticket.version(), request.requestId()))
        .map(ticket -> ticket.view().toJson());
  }

  private static Change edit(Ticket current, String userId, TicketDraft draft) {
    if (current == null) {
      throw new NotFound("Ticket not found");
    }
    if (!current.userId().equals(userId)) {
      throw new Forbidden("You do not own this ticket");
    }
    if (!current.isEditable()) {
      throw new BadRequest("Cannot edit a reserved ticket");
    }
    return current.edited(draft);
  }
}
