package dev.ticketing.gateway.http;

import dev.ticketing.platform.logging.RequestIds;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;
import java.util.UUID;

/**
 * Root handler: gives every request an id (for log lines in every JVM it touches, and returned as
 * {@code X-Request-Id}) and the headers every response carries. A platform handler, so it runs
 * first, before a body that is too large or a cross-site request is refused.
 */
public final class ResponseHeaders implements PlatformHandler {

  public static final String REQUEST_ID = "requestId";

  @Override
  public void handle(RoutingContext ctx) {
    String id = UUID.randomUUID().toString();
    ctx.put(REQUEST_ID, id);
    RequestIds.bind(id);
    ctx.response()
        .putHeader("X-Request-Id", id)
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("Referrer-Policy", "same-origin");
    if (ctx.request().path().startsWith("/api/")) {
      ctx.response().putHeader("Cache-Control", "no-store");
    }
    ctx.next();
  }

  public static String requestId(RoutingContext ctx) {
    String id = ctx.get(REQUEST_ID);
    return id == null ? "-" : id;
  }
}
