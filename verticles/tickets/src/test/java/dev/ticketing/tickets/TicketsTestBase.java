package dev.ticketing.tickets;

import static dev.ticketing.platform.testing.Blocking.await;

import dev.ticketing.contracts.commands.Command;
import dev.ticketing.contracts.commands.CommandHeaders;
import dev.ticketing.contracts.errors.ApiException;
import dev.ticketing.contracts.events.ConsumerGroup;
import dev.ticketing.contracts.events.EventPayload;
import dev.ticketing.contracts.events.Subject;
import dev.ticketing.platform.delivery.RelaySettings;
import dev.ticketing.platform.testing.EmbeddedMongo;
import dev.ticketing.platform.testing.Refusals;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the tickets verticle against a real Mongo wire server and talks to it as the gateway and the
 * orders service do: commands by request/reply, order events on the tickets group's addresses. The
 * ticket events it emits are received, as the orders service would, by recording consumers.
 * Starting and stopping block on the JUnit thread; the steps return futures, which a test awaits
 * one after another, or several at once when it sends them together.
 */
@ExtendWith(VertxExtension.class)
public abstract class TicketsTestBase {

  protected static final String ALICE = "aaaaaaaaaaaaaaaaaaaaaaaa";
  protected static final String BOB = "bbbbbbbbbbbbbbbbbbbbbbbb";
  private static final RelaySettings FAST = new RelaySettings(200, 2000, 20, 200, 100, 5, 5000);

  protected EmbeddedMongo mongoServer;
  protected Vertx vertx;
  private String deploymentId;
  /** Payloads of ticket:created and ticket:updated as the orders group received them, in arrival order. */
  protected final List<JsonObject> createdEvents = new CopyOnWriteArrayList<>();
  protected final List<JsonObject> updatedEvents = new CopyOnWriteArrayList<>();
  /** Payloads of reservation:refused as the orders group received them. */
  protected final List<JsonObject> refusedEvents = new CopyOnWriteArrayList<>();

  @BeforeEach
  void deploy(Vertx vertx) throws Exception {
    this.vertx = vertx;
    mongoServer = new EmbeddedMongo();
    TicketsConfig config = new TicketsConfig(mongoServer.settings("tickets"), FAST, 0);
    await(Future.all(record(Subject.TICKET_CREATED, createdEvents), record(Subject.TICKET_UPDATED, updatedEvents),
        record(Subject.RESERVATION_REFUSED, refusedEvents)));
    deploymentId = await(vertx.deployVerticle(new TicketsVerticle(config)));
  }

  /** The verticle goes first, so that no relay sweep is still talking to the Mongo server when it stops. */
  @AfterEach
  void undeployThenStopMongo() throws Exception {
    try {
      if (deploymentId != null) {
        await(vertx.undeploy(deploymentId));
      }
    } finally {
      mongoServer.close();
    }
  }

  private Future<Void> record(Subject subject, List<JsonObject> into) {
    return vertx.eventBus().<JsonObject>consumer(subject.address(ConsumerGroup.ORDERS), message -> {
      into.add(message.body());
      message.reply(new JsonObject());
    }).completion();
  }

  /** Sends a command as the gateway does; {@code userId} null means nobody is signed in. */
  protected Future<JsonObject> send(Command command, JsonObject body, String userId) {
    return reply(command, body, userId).map(reply -> (JsonObject) reply.body());
  }

  /** Like {@link #send}, with the whole reply: its headers too. */
  protected Future<Message<Object>> reply(Command command, JsonObject body, String userId) {
    DeliveryOptions options = new DeliveryOptions().addHeader(CommandHeaders.REQUEST_ID, "test-request");
    if (userId != null) {
      options.addHeader(CommandHeaders.USER_ID, userId).addHeader(CommandHeaders.USER_EMAIL, "someone@example.com");
    }
    return vertx.eventBus().request(command.address(), body, options);
  }

  /** The failure a command ends with, as the gateway reads it; fails when the command succeeds. */
  protected Future<ApiException> refusal(Command command, JsonObject body, String userId) {
    return Refusals.apiError(send(command, body, userId));
  }

  protected Future<JsonObject> createTicket(String userId, String title, Object price) {
    return send(Command.CREATE_TICKET, new JsonObject().put("title", title).put("price", price), userId);
  }

  protected Future<JsonObject> showTicket(String id) {
    return send(Command.SHOW_TICKET, new JsonObject().put("id", id), null);
  }

  /** Delivers an order event to the tickets group; succeeds with the outcome (APPLIED or DUPLICATE). */
  protected Future<String> deliver(EventPayload event) {
    return vertx.eventBus().<JsonObject>request(event.subject().address(ConsumerGroup.TICKETS), event.toJson())
        .map(reply -> reply.body().getString("outcome"));
  }

  /** Delivers an order event expected to be refused; succeeds with the failure code. */
  protected Future<Integer> deliverRefused(EventPayload event) {
    return Refusals.code(deliver(event));
  }
}
