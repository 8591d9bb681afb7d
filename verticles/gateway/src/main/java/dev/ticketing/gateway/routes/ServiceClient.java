package dev.ticketing.gateway.routes;

import dev.ticketing.contracts.commands.Command;
import dev.ticketing.contracts.commands.CommandBody;
import dev.ticketing.contracts.commands.CommandHeaders;
import dev.ticketing.gateway.auth.Sessions;
import dev.ticketing.gateway.http.ClientAddress;
import dev.ticketing.gateway.http.ResponseHeaders;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Sends commands to the services over the event bus (request/reply; the bus load-balances among
 * a service's instances). Identity headers are set here from the verified session and nowhere
 * else; nothing the client sent is copied into them.
 *
 * <p>"No handlers" means the command reached nobody, so sending it again is safe whatever it does.
 * It is tried again twice (150 ms, then 600 ms later) before the client gets a 503: a service that is
 * restarting, or whose handlers this gateway learns of ~1 s after it joined, is waited for briefly.
 */
public final class ServiceClient {

  private static final int NO_HANDLER_RETRIES = 2;
  private static final long NO_HANDLER_FIRST_DELAY_MILLIS = 150;

  private final Vertx vertx;
  private final long timeoutMillis;
  private final int trustedProxyHops;

  public ServiceClient(Vertx vertx, long timeoutMillis, int trustedProxyHops) {
    this.vertx = vertx;
    this.timeoutMillis = timeoutMillis;
    this.trustedProxyHops = trustedProxyHops;
  }

  public Future<Object> send(Command command, CommandBody body, RoutingContext ctx) {
    return request(command, body, ctx).map(Message::body);
  }

  /** Like {@link #send}, with the whole reply: its headers too. */
  public Future<Message<Object>> request(Command command, CommandBody body, RoutingContext ctx) {
    DeliveryOptions options = new DeliveryOptions()
        .setSendTimeout(timeoutMillis)
        .addHeader(CommandHeaders.REQUEST_ID, ResponseHeaders.requestId(ctx))
        .addHeader(CommandHeaders.CLIENT_ADDRESS, ClientAddress.of(ctx, trustedProxyHops));
    Sessions.current(ctx).ifPresent(user -> options
        .addHeader(CommandHeaders.USER_ID, user.id())
        .addHeader(CommandHeaders.USER_EMAIL, user.email()));
    return request(command, body.toJson(), options, 0);
  }

  private Future<Message<Object>> request(Command command, JsonObject body, DeliveryOptions options, int attempt) {
    return vertx.eventBus().request(command.address(), body, options)
        .recover(failure -> {
          boolean nobodyListening = failure instanceof ReplyException reply && reply.failureType() == ReplyFailure.NO_HANDLERS;
          if (!nobodyListening || attempt >= NO_HANDLER_RETRIES) {
            return Future.failedFuture(failure);
          }
          Promise<Message<Object>> retried = Promise.promise();
          vertx.setTimer(NO_HANDLER_FIRST_DELAY_MILLIS * (1L << (2 * attempt)),
              id -> request(command, body, options, attempt + 1).onComplete(retried));
          return retried.future();
        });
  }
}
