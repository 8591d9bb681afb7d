package dev.ticketing.gateway.routes;

import dev.ticketing.contracts.commands.Command;
import dev.ticketing.contracts.commands.CommandBody;
import dev.ticketing.contracts.commands.EncodedReply;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/** /api/tickets. A page of the listing answers as a JSON array, with the next page in a Link header. */
final class TicketsRoutes {

  private final ServiceClient services;

  TicketsRoutes(ServiceClient services) {
    this.services = services;
  }

  void mount(RouterBuilder api) {
    api.getRoute("createTicket").addHandler(Forward.json(services, Command.CREATE_TICKET, 201));
    api.getRoute("showTicket").addHandler(Forward.json(services, Command.SHOW_TICKET, 200));
    api.getRoute("updateTicket").addHandler(Forward.json(services, Command.UPDATE_TICKET, 200));
    api.getRoute("listTickets").addHandler(this::list);
  }

  private void list(RoutingContext ctx) {
    CommandBody query = Forward.body(ctx, Command.LIST_TICKETS);
    services.request(Command.LIST_TICKETS, query, ctx)
        .onSuccess(reply -> {
          String next = reply.headers().get(EncodedReply.NEXT_CURSOR);
          if (next != null) {
            ctx.response().putHeader("Link", "<" + nextPage(query.toJson().put("cursor", next)) + ">; rel=\"next\"");
          }
          Forward.respond(ctx, 200, reply.body());
        })
        .onFailure(ctx::fail);
  }

  private static String nextPage(JsonObject query) {
    return "/api/tickets?" + query.stream()
        .map(entry -> entry.getKey() + "=" + URLEncoder.encode(String.valueOf(entry.getValue()), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
