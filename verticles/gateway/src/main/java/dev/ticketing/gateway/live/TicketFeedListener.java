package dev.ticketing.gateway.live;

import dev.ticketing.contracts.events.ConsumerGroup;
import dev.ticketing.contracts.events.EventPayload;
import dev.ticketing.contracts.events.Subject;
import dev.ticketing.contracts.events.TicketCreated;
import dev.ticketing.contracts.events.TicketUpdated;
import dev.ticketing.contracts.money.Money;
import dev.ticketing.platform.delivery.EventListener;
import dev.ticketing.platform.delivery.Outcome;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * The gateways' consumer of ticket events: one gateway instance receives each event (the group
 * is a queue) and publishes it, in the API's shape, to every gateway's {@link LiveTickets}.
 * Nothing is stored, so every delivery "applies"; browsers ignore versions they already have.
 */
public final class TicketFeedListener<P extends EventPayload> extends EventListener<P> {

  private final Vertx vertx;

  private TicketFeedListener(Vertx vertx, Subject subject) {
    super(subject, ConsumerGroup.GATEWAY);
    this.vertx = vertx;
  }

  public static Future<Void> registerAll(Vertx vertx) {
    return Future.all(
        new TicketFeedListener<TicketCreated>(vertx, Subject.TICKET_CREATED).register(vertx),
        new TicketFeedListener<TicketUpdated>(vertx, Subject.TICKET_UPDATED).register(vertx)).mapEmpty();
  }

  @Override
  protected Future<Outcome> apply(P event) {
    vertx.eventBus().publish(LiveTickets.ADDRESS, toApiShape(event));
    return Future.succeededFuture(Outcome.APPLIED);
  }

  private static JsonObject toApiShape(EventPayload event) {
    JsonObject ticket = event.toJson();
    ticket.put("price", Money.toMajor(ticket.getLong("price")));
    if (!ticket.containsKey("orderId")) {
      ticket.putNull("orderId");
    }
    if (!ticket.containsKey("sold")) {
      ticket.put("sold", false);
    }
    return ticket;
  }
}
