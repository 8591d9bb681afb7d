package dev.ticketing.gateway.routes;

import dev.ticketing.contracts.commands.Command;
import dev.ticketing.gateway.auth.Sessions;
import io.vertx.ext.web.openapi.router.OpenAPIRoute;
import io.vertx.ext.web.openapi.router.RouterBuilder;

/**
 * Binds every operation of the OpenAPI document to its handler. An operation that declares the
 * {@code session} security requirement gets the 401 check first, so which routes need a session
 * is written once, in the contract.
 */
public final class ApiRoutes {

  private final ServiceClient services;
  private final Sessions sessions;

  public ApiRoutes(ServiceClient services, Sessions sessions) {
    this.services = services;
    this.sessions = sessions;
  }

  public void mount(RouterBuilder api) {
    for (OpenAPIRoute route : api.getRoutes()) {
      route.setDoSecurity(false); // the session check below is ours; the builder's would need an auth provider
      if (!route.getOperation().getSecurityRequirements().isEmpty()) {
        route.addHandler(sessions.required());
      }
    }
    new UsersRoutes(services, sessions).mount(api);
    new TicketsRoutes(services).mount(api);
    new OrdersRoutes(services).mount(api);
    api.getRoute("createPayment").addHandler(Forward.json(services, Command.CREATE_PAYMENT, 201));
  }
}
