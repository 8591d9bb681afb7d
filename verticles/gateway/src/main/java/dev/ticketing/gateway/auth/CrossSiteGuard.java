package dev.ticketing.gateway.auth;

import dev.ticketing.contracts.errors.Forbidden;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.SecurityPolicyHandler;
import java.util.List;
import java.util.Set;

/**
 * Refuses state-changing requests that a browser sent from another site (CSRF, including login
 * CSRF): {@code Sec-Fetch-Site: cross-site}, or an {@code Origin} that is neither ours nor
 * configured. It runs before the body is read. Requests without these headers (curl, server-side
 * clients) are not browsers acting for someone else and are served. SameSite=Lax on the cookie is
 * the first line of defence; this is the second.
 */
public final class CrossSiteGuard implements SecurityPolicyHandler {

  private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

  private final List<String> allowedOrigins;
  private final boolean trustForwardedProto;

  public CrossSiteGuard(List<String> allowedOrigins, boolean trustForwardedProto) {
    this.allowedOrigins = allowedOrigins;
    this.trustForwardedProto = trustForwardedProto;
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (SAFE.contains(ctx.request().method())) {
      ctx.next();
      return;
    }
    String fetchSite = ctx.request().getHeader("Sec-Fetch-Site");
    String origin = ctx.request().getHeader("Origin");
    boolean crossSite = "cross-site".equalsIgnoreCase(fetchSite);
    boolean foreignOrigin = origin != null && !origin.equalsIgnoreCase(ownOrigin(ctx)) && !allowedOrigins.contains(origin);
    if (crossSite || foreignOrigin) {
      ctx.fail(new Forbidden("Cross-site request refused"));
      return;
    }
    ctx.next();
  }

  private String ownOrigin(RoutingContext ctx) {
    String forwarded = trustForwardedProto ? ctx.request().getHeader("X-Forwarded-Proto") : null;
    String scheme = forwarded != null ? forwarded : ctx.request().scheme();
    return scheme + "://" + ctx.request().getHeader("Host");
  }
}
