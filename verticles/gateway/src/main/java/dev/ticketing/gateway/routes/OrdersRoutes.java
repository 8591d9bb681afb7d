package dev.ticketing.gateway.routes;

import dev.ticketing.contracts.commands.Command;
import io.vertx.ext.web.openapi.router.RouterBuilder;

/** /api/orders. Cancelling answers 204; the order stays readable as cancelled. */
final class OrdersRoutes {

  private final ServiceClient services;

  OrdersRoutes(ServiceClient services) {
    this.services = services;
  }

  void mount(RouterBuilder api) {
    api.getRoute("createOrder").addHandler(Forward.json(services, Command.CREATE_ORDER, 201));
    api.getRoute("listOrders").addHandler(Forward.json(services, Command.LIST_ORDERS, 200));
    api.getRoute("showOrder").addHandler(Forward.json(services, Command.SHOW_ORDER, 200));
    api.getRoute("cancelOrder").addHandler(ctx -> services.send(Command.CANCEL_ORDER, Forward.body(ctx, Command.CANCEL_ORDER), ctx)
        .onSuccess(cancelled -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail));
  }
}
