package dev.ticketing.gateway.routes;

import dev.ticketing.contracts.commands.Command;
import dev.ticketing.gateway.GatewayConfig;
import dev.ticketing.gateway.auth.Sessions;
import dev.ticketing.gateway.input.RequestInput;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.openapi.router.OpenAPIRoute;
import io.vertx.ext.web.openapi.router.RouterBuilder;

/**
 * Binds every operation of the OpenAPI document to its handler. An operation that declares the
 * {@code session} security requirement gets the 401 check first, so which routes need a session
 * is written once, in the contract; then its input is validated ({@link RequestInput}), then it
 * is handled. These run in the order added, so 401 comes before any complaint about the body.
 */
public final class ApiRoutes {

  private final ServiceClient services;
  private final Sessions sessions;
  private final RequestInput input;
  private final JsonObject clientConfig;
  private final String stripeWebhookSecret;

  public ApiRoutes(ServiceClient services, Sessions sessions, RequestInput input, GatewayConfig config) {
    this.services = services;
    this.sessions = sessions;
    this.input = input;
    String publishableKey = config.stripePublishableKey();
    this.clientConfig = new JsonObject()
        .put("stripePublishableKey", publishableKey.isEmpty() ? null : publishableKey)
        .put("currency", config.currency());
    this.stripeWebhookSecret = config.stripeWebhookSecret();
  }

  public void mount(RouterBuilder api) {
    for (OpenAPIRoute route : api.getRoutes()) {
      route.setDoSecurity(false); // the session check below is ours; the builder's would need an auth provider
      route.setDoValidation(false); // validation is ours too, after the session check
      if (!route.getOperation().getSecurityRequirements().isEmpty()) {
        route.addHandler(sessions.required());
      }
      route.addHandler(input.validation(route.getOperation()));
    }
    new UsersRoutes(services, sessions).mount(api);
    new TicketsRoutes(services).mount(api);
    new OrdersRoutes(services).mount(api);
    api.getRoute("createPayment").addHandler(Forward.json(services, Command.CREATE_PAYMENT, 201));
    new StripeWebhookRoutes(services, stripeWebhookSecret).mount(api);
    api.getRoute("clientConfig").addHandler(ctx -> Forward.respond(ctx, 200, clientConfig));
  }
}
