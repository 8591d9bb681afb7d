package dev.ticketing.platform.delivery;

import dev.ticketing.contracts.events.ConsumerGroup;
import dev.ticketing.contracts.events.Subject;
import dev.ticketing.contracts.events.TicketCreated;
import dev.ticketing.contracts.events.TicketUpdated;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.util.concurrent.atomic.AtomicInteger;

/** A minimal consumer for the delivery tests: a version-checked replica of tickets, counting real applications. */
final class TicketReplicaListeners {

  final AtomicInteger applied = new AtomicInteger();
  private final VersionedReplica replica;

  TicketReplicaListeners(MongoClient mongo) {
    this.replica = new VersionedReplica(mongo, "ticket_replica");
  }

  Future<Void> register(Vertx vertx) {
    EventListener<TicketCreated> created = new EventListener<>(Subject.TICKET_CREATED, ConsumerGroup.ORDERS) {
      @Override
      protected Future<Outcome> apply(TicketCreated event) {
        return count(replica.apply(event, new JsonObject().put("title", event.title())));
      }
    };
    EventListener<TicketUpdated> updated = new EventListener<>(Subject.TICKET_UPDATED, ConsumerGroup.ORDERS) {
      @Override
      protected Future<Outcome> apply(TicketUpdated event) {
        return count(replica.apply(event, new JsonObject().put("title", event.title())));
      }
    };
    return Future.all(created.register(vertx), updated.register(vertx)).mapEmpty();
  }

  private Future<Outcome> count(Future<Outcome> outcome) {
    return outcome.onSuccess(result -> {
      if (result == Outcome.APPLIED) {
        applied.incrementAndGet();
      }
    });
  }
}
