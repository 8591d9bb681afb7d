package dev.ticketing.orders.remote;

import dev.ticketing.contracts.commands.ById;
import dev.ticketing.contracts.commands.Command;
import dev.ticketing.contracts.commands.CommandHeaders;
import dev.ticketing.contracts.money.Money;
import dev.ticketing.orders.domain.Ticket;
import dev.ticketing.platform.logging.RequestIds;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import java.time.Duration;

/**
 * Asks the tickets service, the owner of tickets, for one we have not heard of through its events
 * yet: a buyer who orders a ticket listed a moment ago must not be told it does not exist. Null
 * when the tickets service does not know it either, or cannot answer in time.
 */
public final class TicketsLookup {

  private final Vertx vertx;
  private final Duration timeout;

  public TicketsLookup(Vertx vertx, Duration timeout) {
    this.vertx = vertx;
    this.timeout = timeout;
  }

  public Future<Ticket> find(String ticketId) {
    DeliveryOptions options = new DeliveryOptions().setSendTimeout(Math.max(1, timeout.toMillis()));
    String requestId = RequestIds.current();
    if (requestId != null) {
      options.addHeader(CommandHeaders.REQUEST_ID, requestId);
    }
    return vertx.eventBus().<JsonObject>request(Command.SHOW_TICKET.address(), new ById(ticketId).toJson(), options)
        .map(reply -> toTicket(reply.body()))
        // Unknown there too, or the owner cannot answer now: either way the buyer hears "not found".
        .otherwise((Ticket) null);
  }

  /** The API's ticket (price in major units) as our replica keeps it (cents). */
  private static Ticket toTicket(JsonObject api) {
    return new Ticket(api.getString("id"), api.getString("title"), Money.toMinor(Money.parseMajor(api.getValue("price"))),
        api.getString("userId"), api.getLong("version"), api.getString("orderId"));
  }
}
