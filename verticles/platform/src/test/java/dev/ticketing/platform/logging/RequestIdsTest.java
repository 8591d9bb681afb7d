package dev.ticketing.platform.logging;

import static dev.ticketing.platform.testing.Blocking.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ticketing.contracts.commands.Command;
import dev.ticketing.contracts.commands.CommandHeaders;
import dev.ticketing.contracts.events.ConsumerGroup;
import dev.ticketing.contracts.events.Subject;
import dev.ticketing.contracts.events.TicketCreated;
import dev.ticketing.platform.commands.CommandBinder;
import dev.ticketing.platform.delivery.EventListener;
import dev.ticketing.platform.delivery.Outbox;
import dev.ticketing.platform.delivery.OutboxRelay;
import dev.ticketing.platform.delivery.Outcome;
import dev.ticketing.platform.delivery.RelaySettings;
import dev.ticketing.platform.mongo.Mongo;
import dev.ticketing.platform.testing.EmbeddedMongo;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.MDC;

/**
 * A command's log lines carry the gateway's request id, also after an asynchronous step, and only that
 * command's; an event the command causes carries it on to the consumer's log lines.
 */
@ExtendWith(VertxExtension.class)
class RequestIdsTest {

  private final RequestIdTurboFilter filter = new RequestIdTurboFilter();

  @Test
  void theIdFollowsTheCommandThroughItsCallbacksAndNoFurther(Vertx vertx) throws Exception {
    await(new CommandBinder(vertx)
        .bind(Command.SHOW_TICKET, request -> vertx.timer(5).map(fired -> {
          filter.decide(null, null, null, null, null, null);  // as logback does before each log event
          return new JsonObject().put("logged", MDC.get(RequestIdTurboFilter.MDC_KEY));
        }))
        .completion());

    JsonObject first = await(ask(vertx, "req-1"));
    JsonObject second = await(ask(vertx, null));

    assertEquals("req-1", first.getString("logged"));
    assertNull(second.getString("logged"), "a command without an id never shows another's");
  }

  private static Future<JsonObject> ask(Vertx vertx, String requestId) {
    DeliveryOptions options = new DeliveryOptions();
    if (requestId != null) {
      options.addHeader(CommandHeaders.REQUEST_ID, requestId);
    }
    return vertx.eventBus().<JsonObject>request(Command.SHOW_TICKET.address(), new JsonObject(), options).map(Message::body);
  }

  @Test
  void anEventWrittenForACommandCarriesItsIdToTheConsumer(Vertx vertx) throws Exception {
    try (EmbeddedMongo mongoServer = new EmbeddedMongo()) {
      MongoClient db = Mongo.client(vertx, mongoServer.settings("producer"));
      OutboxRelay relay = new OutboxRelay(vertx, db, "tickets", new RelaySettings(200, 2000, 20, 200, 100, 3, 5000));
      Promise<String> seenByConsumer = Promise.promise();
      EventListener<TicketCreated> consumer = new EventListener<>(Subject.TICKET_CREATED, ConsumerGroup.ORDERS) {
        @Override
        protected Future<Outcome> apply(TicketCreated event) {
          seenByConsumer.tryComplete(String.valueOf(RequestIds.current()));
          return Future.succeededFuture(Outcome.APPLIED);
        }
      };
      // The command writes a ticket with its event in the outbox, as the tickets service does.
      await(new CommandBinder(vertx)
          .bind(Command.SHOW_TICKET, request -> db.insert("tickets",
                  Outbox.attach(new JsonObject().put("_id", "t1"), new TicketCreated("t1", 0, "Opera", 4200, "u1")))
              .onSuccess(written -> relay.kick("t1"))
              .map(written -> new JsonObject()))
          .completion());
      await(consumer.register(vertx));
      await(relay.start());

      await(ask(vertx, "req-7"));

      assertEquals("req-7", await(seenByConsumer.future()));
    }
  }
}
