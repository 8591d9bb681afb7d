package dev.ticketing.gateway.routes;

import dev.ticketing.contracts.commands.Command;
import dev.ticketing.contracts.commands.CommandHeaders;
import dev.ticketing.gateway.auth.Sessions;
import dev.ticketing.gateway.http.ClientAddress;
import dev.ticketing.gateway.http.ResponseHeaders;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.ext.web.RoutingContext;

/**
 * Sends commands to the services over the event bus (request/reply; the bus load-balances among
 * a service's instances). Identity headers are set here from the verified session and nowhere
 * else; nothing the client sent is copied into them.
 */
public final class ServiceClient {

  private final Vertx vertx;
  private final long timeoutMillis;
  private final int trustedProxyHops;

  public ServiceClient(Vertx vertx, long timeoutMillis, int trustedProxyHops) {
    this.vertx = vertx;
    this.timeoutMillis = timeoutMillis;
    this.trustedProxyHops = trustedProxyHops;
  }

  public Future<Object> send(Command command, Object body, RoutingContext ctx) {
    DeliveryOptions options = new DeliveryOptions()
        .setSendTimeout(timeoutMillis)
        .addHeader(CommandHeaders.REQUEST_ID, ResponseHeaders.requestId(ctx))
        .addHeader(CommandHeaders.CLIENT_ADDRESS, ClientAddress.of(ctx, trustedProxyHops));
    Sessions.current(ctx).ifPresent(user -> options
        .addHeader(CommandHeaders.USER_ID, user.id())
        .addHeader(CommandHeaders.USER_EMAIL, user.email()));
    return vertx.eventBus().request(command.address(), body, options).map(reply -> reply.body());
  }
}
