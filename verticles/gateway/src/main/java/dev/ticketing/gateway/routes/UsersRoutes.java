package dev.ticketing.gateway.routes;

import dev.ticketing.contracts.commands.Command;
import dev.ticketing.gateway.auth.SessionUser;
import dev.ticketing.gateway.auth.Sessions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;

/**
 * /api/users: the auth service checks credentials; the gateway owns the session, so signing in
 * and out is cookie work done here, and "current user" is read from the verified token alone.
 */
final class UsersRoutes {

  private final ServiceClient services;
  private final Sessions sessions;

  UsersRoutes(ServiceClient services, Sessions sessions) {
    this.services = services;
    this.sessions = sessions;
  }

  void mount(RouterBuilder api) {
    api.getRoute("signUp").addHandler(ctx -> signIn(ctx, Command.SIGN_UP, 201));
    api.getRoute("signIn").addHandler(ctx -> signIn(ctx, Command.SIGN_IN, 200));
    api.getRoute("signOut").addHandler(ctx -> {
      sessions.end(ctx);
      Forward.respond(ctx, 200, new JsonObject());
    });
    api.getRoute("currentUser").addHandler(ctx -> Forward.respond(ctx, 200, new JsonObject()
        .put("currentUser", Sessions.current(ctx).map(SessionUser::toJson).orElse(null))));
  }

  private void signIn(RoutingContext ctx, Command command, int status) {
    services.send(command, Forward.body(ctx, command), ctx)
        .onSuccess(user -> {
          sessions.start(ctx, (JsonObject) user);
          Forward.respond(ctx, status, user);
        })
        .onFailure(ctx::fail);
  }
}
