package dev.ticketing.orders.commands;

import dev.ticketing.contracts.commands.NewOrder;
import dev.ticketing.contracts.errors.BadRequest;
import dev.ticketing.contracts.errors.NotFound;
import dev.ticketing.contracts.errors.TooManyRequests;
import dev.ticketing.orders.domain.Expiry;
import dev.ticketing.orders.domain.HoldSlots;
import dev.ticketing.orders.domain.Order;
import dev.ticketing.orders.domain.OrderStatus;
import dev.ticketing.orders.domain.OrderedTicket;
import dev.ticketing.orders.domain.Ticket;
import dev.ticketing.orders.remote.TicketsLookup;
import dev.ticketing.orders.store.HoldTaken;
import dev.ticketing.orders.store.OrderStore;
import dev.ticketing.orders.store.TicketReplicaStore;
import dev.ticketing.platform.commands.CommandHandler;
import dev.ticketing.platform.commands.CommandRequest;
import dev.ticketing.platform.mongo.Ids;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;

/**
 * Reserves a ticket: body {@code {ticketId}}, reply the new order. Who gets the ticket is decided
 * by the unique index on the order's ticket hold when inserting, never by looking first, so of
 * many buyers racing for one ticket exactly one wins and the others hear "Ticket is already
 * reserved". The per-user cap works the same way through numbered hold slots (see HoldSlots).
 * A ticket our replica has not heard of yet is asked of the tickets service before we say "not found".
 *
 * <p>In an on-sale most attempts are for a ticket someone already holds, so the first step is one
 * read of the hold index: such an attempt is answered after that read, with no write. The look
 * only saves work; a free-looking ticket still goes through the insert, which decides.
 */
public final class CreateOrderHandler implements CommandHandler {

  // Each lost slot race means another order of this user was inserted, so a few rounds settle it.
  private static final int SLOT_ATTEMPTS = 5;
  private static final String ALREADY_RESERVED = "Ticket is already reserved";

  private final OrderStore orders;
  private final TicketReplicaStore tickets;
  private final TicketsLookup owner;
  private final Clock clock;
  private final Duration window;
  private final int maxHolds;

  public CreateOrderHandler(OrderStore orders, TicketReplicaStore tickets, TicketsLookup owner,
                            Clock clock, Duration window, int maxHolds) {
    this.orders = orders;
    this.tickets = tickets;
    this.owner = owner;
    this.clock = clock;
    this.window = window;
    this.maxHolds = maxHolds;
  }

  @Override
  public Future<?> handle(CommandRequest request) {
    String userId = request.requireUser();
    String ticketId = Ids.required(NewOrder.fromJson(request.body()).ticketId(), "ticketId");
    if (!Ids.isWellFormed(ticketId)) {
      return Future.failedFuture(new NotFound("Ticket not found"));
    }
    return orders.isHeld(ticketId)
        .compose(held -> held ? Future.failedFuture(new BadRequest(ALREADY_RESERVED)) : known(ticketId))
        .compose(ticket -> {
          if (ticket == null) {
            return Future.failedFuture(new NotFound("Ticket not found"));
          }
          if (ticket.userId().equals(userId)) {
            return Future.failedFuture(new BadRequest("You cannot buy your own ticket"));
          }
          return reserve(userId, ticket, SLOT_ATTEMPTS).map(order -> OrderReplies.render(order, ticket));
        });
  }

  /** The ticket from our replica, or else from its owner (then kept in the replica). */
  private Future<Ticket> known(String ticketId) {
    return tickets.find(ticketId).compose(replica -> replica != null ? Future.succeededFuture(replica)
        : owner.find(ticketId).compose(fetched -> fetched == null ? Future.succeededFuture(null) : tickets.seed(fetched)));
  }

  private Future<Order> reserve(String userId, Ticket ticket, int attemptsLeft) {
    return orders.heldSlots(userId, maxHolds).compose(used -> {
      OptionalInt slot = HoldSlots.lowestFree(used, maxHolds);
      if (slot.isEmpty()) {
        return Future.failedFuture(new TooManyRequests(
            "You already hold " + maxHolds + " unpaid orders; pay for or cancel one first"));
      }
      Instant now = clock.instant();
      Order order = new Order(Ids.newId(), OrderStatus.CREATED, userId,
          Expiry.expiresAt(now, window), 0, OrderedTicket.of(ticket));
      return orders.insert(order, slot.getAsInt(), now).recover(failure -> {
        if (!(failure instanceof HoldTaken taken)) {
          return Future.failedFuture(failure);
        }
        if (taken.kind() == HoldTaken.Kind.TICKET) {
          return Future.failedFuture(new BadRequest(ALREADY_RESERVED));
        }
        if (attemptsLeft <= 1) {
          return Future.failedFuture(new TooManyRequests("Too many orders at once; try again"));
        }
        return reserve(userId, ticket, attemptsLeft - 1);
      });
    });
  }
}
