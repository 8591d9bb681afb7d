package dev.ticketing.tickets;

import dev.ticketing.contracts.commands.Command;
import dev.ticketing.contracts.commands.Service;
import dev.ticketing.platform.commands.CommandBinder;
import dev.ticketing.platform.delivery.OutboxRelay;
import dev.ticketing.platform.health.Health;
import dev.ticketing.platform.mongo.Mongo;
import dev.ticketing.tickets.catalog.CatalogSync;
import dev.ticketing.tickets.catalog.TicketCatalog;
import dev.ticketing.tickets.commands.CreateTicketHandler;
import dev.ticketing.tickets.commands.ListTicketsHandler;
import dev.ticketing.tickets.commands.ShowTicketHandler;
import dev.ticketing.tickets.commands.UpdateTicketHandler;
import dev.ticketing.tickets.listeners.ReleaseTicketListener;
import dev.ticketing.tickets.listeners.ReserveTicketListener;
import dev.ticketing.tickets.listeners.SellTicketListener;
import dev.ticketing.tickets.live.TicketFeed;
import dev.ticketing.tickets.store.TicketStore;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.ext.mongo.MongoClient;

/**
 * Ticket listings: create, edit, show, list. Orders reserve, release and sell tickets through
 * their events; every change to a ticket is announced through the outbox of its document.
 */
public final class TicketsVerticle extends VerticleBase {

  private final TicketsConfig config;
  private MongoClient mongo;
  private OutboxRelay relay;
  private CatalogSync sync;

  public TicketsVerticle(TicketsConfig config) {
    this.config = config;
  }

  @Override
  public Future<?> start() {
    mongo = Mongo.client(vertx, config.mongo());
    relay = new OutboxRelay(vertx, mongo, TicketStore.COLLECTION, config.relay());
    TicketFeed feed = new TicketFeed(vertx);
    TicketCatalog catalog = new TicketCatalog();
    TicketStore tickets = new TicketStore(vertx, mongo, relay, feed, catalog);
    sync = new CatalogSync(vertx, catalog, tickets, feed);

    Health health = new Health(vertx).check("mongo", () -> Mongo.ping(mongo));

    // Commands and events are taken once the catalog holds every ticket.
    return tickets.createIndexes()
        .compose(indexed -> sync.start())
        .compose(current -> new CommandBinder(vertx)
            .bind(Command.CREATE_TICKET, new CreateTicketHandler(tickets))
            .bind(Command.UPDATE_TICKET, new UpdateTicketHandler(tickets))
            .bind(Command.SHOW_TICKET, new ShowTicketHandler(tickets))
            .bind(Command.LIST_TICKETS, new ListTicketsHandler(tickets))
            .completion())
        .compose(bound -> Future.all(
            new ReserveTicketListener(tickets).register(vertx),
            new ReleaseTicketListener(tickets).register(vertx),
            new SellTicketListener(tickets).register(vertx)))
        .compose(subscribed -> relay.start())
        .compose(relaying -> health.answerPings(Service.TICKETS))
        .compose(answering -> health.serve(config.managementPort(), relay));
  }

  @Override
  public Future<?> stop() {
    // Deliveries in flight finish before the client closes; what is left stays in the outboxes.
    return sync.stop().compose(unsubscribed -> relay.stop()).compose(stopped -> mongo.close());
  }
}
