package dev.ticketing.tickets.commands;

import dev.ticketing.contracts.commands.TicketInput;
import dev.ticketing.platform.commands.CommandHandler;
import dev.ticketing.platform.commands.CommandRequest;
import dev.ticketing.tickets.domain.TicketDraft;
import dev.ticketing.tickets.domain.TicketRules;
import dev.ticketing.tickets.store.TicketStore;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Lists a ticket for the signed-in user at version 0; ticket:created goes out through its outbox. */
public final class CreateTicketHandler implements CommandHandler {

  private static final Logger log = LoggerFactory.getLogger(CreateTicketHandler.class);

  private final TicketStore tickets;

  public CreateTicketHandler(TicketStore tickets) {
    this.tickets = tickets;
  }

  @Override
  public Future<?> handle(CommandRequest request) {
    String userId = request.requireUser();
    TicketInput input = TicketInput.fromJson(request.body());
    TicketDraft draft = TicketRules.check(input.title(), input.price());
    return tickets.insert(userId, draft)
        .onSuccess(ticket -> log.info("ticket {} listed by user {} (request {})", ticket.id(), userId, request.requestId()))
        .map(ticket -> ticket.view().toJson());
  }
}
