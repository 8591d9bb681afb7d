package dev.ticketing.expiration.listeners;

import dev.ticketing.contracts.events.ConsumerGroup;
import dev.ticketing.contracts.events.OrderCreated;
import dev.ticketing.contracts.events.Subject;
import dev.ticketing.expiration.store.ExpirationSchedule;
import dev.ticketing.platform.delivery.EventListener;
import dev.ticketing.platform.delivery.Outcome;
import io.vertx.core.Future;

/**
 * Schedules the expiry of every created order at its {@code expiresAt}. The acknowledgement is sent
 * only after Redis has answered, and Redis fsyncs every write (AOF, appendfsync always), so an
 * acknowledged order cannot be forgotten. A redelivery (the order is already scheduled or already
 * being sent) is a DUPLICATE and changes nothing.
 *
 * <p>Only version 0 is scheduled. order:created has no predecessor, so there is no gap to refuse
 * with OutOfOrder (that would promise the event becomes applicable later, which it never does).
 * Another version is not an order creation at all: a malformed event from a buggy producer.
 * Scheduling it anyway could act on a payload we do not understand; acknowledging it would drop it
 * silently. So it is failed: the base listener answers {@link EventListener#NOT_APPLIED} (it
 * reserves {@link EventListener#MALFORMED} for payloads that do not decode), the event stays in the
 * producer's outbox and the failure is logged on every retry until someone fixes the producer.
 */
public final class OrderCreatedListener extends EventListener<OrderCreated> {

  private final ExpirationSchedule schedule;

  public OrderCreatedListener(ExpirationSchedule schedule) {
    super(Subject.ORDER_CREATED, ConsumerGroup.EXPIRATION);
    this.schedule = schedule;
  }

  @Override
  protected Future<Outcome> apply(OrderCreated event) {
    if (event.version() != 0) {
      return Future.failedFuture(new NotAnOrderCreation(
          "order:created for order " + event.id() + " has version " + event.version() + ", expected 0"));
    }
    return schedule.schedule(event.id(), event.expiresAt().toEpochMilli())
        .map(added -> added ? Outcome.APPLIED : Outcome.DUPLICATE);
  }
}
