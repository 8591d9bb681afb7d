package dev.ticketing.gateway.support;

import dev.ticketing.contracts.commands.Command;
import dev.ticketing.contracts.commands.CommandHeaders;
import dev.ticketing.contracts.commands.EncodedReply;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Stands in for the services on the event bus so the gateway's own behaviour can be tested
 * alone. Records every command it receives, with the identity headers the gateway set.
 */
public final class FakeServices {

  /** A command as a service received it. */
  public record Received(Command command, Object body, String userId, String userEmail, String clientAddress) {
  }

  private final Vertx vertx;
  public final List<Received> received = new ArrayList<>();

  public FakeServices(Vertx vertx) {
    this.vertx = vertx;
  }

  /** Answers {@code command} with {@code answer}, which replies or fails the message. */
  public Future<Void> on(Command command, Consumer<Message<Object>> answer) {
    return vertx.eventBus().consumer(command.address(), (Message<Object> message) -> {
      received.add(new Received(command, message.body(), message.headers().get(CommandHeaders.USER_ID),
          message.headers().get(CommandHeaders.USER_EMAIL), message.headers().get(CommandHeaders.CLIENT_ADDRESS)));
      answer.accept(message);
    }).completion();
  }

  /** Answers the listing as the tickets service does: the items as bytes, the next cursor in a header. */
  public Future<Void> onListing(JsonArray items, String nextCursor) {
    EncodedReply page = EncodedReply.page(items, nextCursor);
    return on(Command.LIST_TICKETS, message -> message.reply(page.json(), page.options()));
  }

  /** The auth service's two commands, answering a fixed user. */
  public Future<Void> authAnswering(String userId, String email) {
    JsonObject user = new JsonObject().put("id", userId).put("email", email);
    return Future.all(on(Command.SIGN_UP, message -> message.reply(user)), on(Command.SIGN_IN, message -> message.reply(user)))
        .mapEmpty();
  }
}
