package dev.ticketing.tickets.commands;

import dev.ticketing.contracts.commands.ById;
import dev.ticketing.contracts.errors.NotFound;
import dev.ticketing.platform.commands.CommandHandler;
import dev.ticketing.platform.commands.CommandRequest;
import dev.ticketing.tickets.store.TicketStore;
import io.vertx.core.Future;

/** One ticket, whatever its state; anyone may look. */
public final class ShowTicketHandler implements CommandHandler {

  private final TicketStore tickets;

  public ShowTicketHandler(TicketStore tickets) {
    this.tickets = tickets;
  }

  @Override
  public Future<?> handle(CommandRequest request) {
    return tickets.view(TicketIds.named(ById.fromJson(request.body()).id())).compose(ticket -> ticket == null
        ? Future.failedFuture(new NotFound("Ticket not found"))
        : Future.succeededFuture(ticket.toJson()));
  }
}
