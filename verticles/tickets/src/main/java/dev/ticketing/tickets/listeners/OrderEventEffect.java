package dev.ticketing.tickets.listeners;

import dev.ticketing.platform.delivery.Outcome;
import dev.ticketing.tickets.domain.OrderEffects.Effect;
import dev.ticketing.tickets.domain.Ticket;
import dev.ticketing.tickets.store.TicketStore;
import io.vertx.core.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one of the order-event rules on a ticket as one conditional write. The rule may run more
 * than once (a concurrent write made the store read again); the last run's outcome is the answer.
 */
final class OrderEventEffect {

  private static final Logger log = LoggerFactory.getLogger(OrderEventEffect.class);

  private OrderEventEffect() {
  }

  static Future<Outcome> apply(TicketStore tickets, String ticketId, Function<Ticket, Effect> rule, String orderId) {
    AtomicReference<Effect> chosen = new AtomicReference<>();
    return tickets.modify(ticketId, ticket -> {
      Effect effect = rule.apply(ticket);
      chosen.set(effect);
      return effect.change();
    }).map(ticket -> {
      Outcome outcome = chosen.get().outcome();
      if (outcome != Outcome.DUPLICATE) {
        log.info("ticket {} v{} for order {}: {} (orderId {}, sold {})", ticket.id(), ticket.version(), orderId,
            outcome, ticket.orderId(), ticket.sold());
      }
      return outcome;
    });
  }
}
