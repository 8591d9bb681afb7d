package dev.ticketing.gateway.auth;

import dev.ticketing.contracts.errors.Forbidden;
import dev.ticketing.gateway.http.PublicOrigin;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.SecurityPolicyHandler;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Refuses state-changing requests that a browser sent from another site (CSRF, including login
 * CSRF): {@code Sec-Fetch-Site: cross-site}, or an {@code Origin} that is neither ours nor
 * configured ({@code Origin: null}, from sandboxed frames and some redirects, is nobody's). Behind
 * trusted proxies "ours" is the origin they forwarded ({@link PublicOrigin}), since they rewrite
 * Host. It runs before the body is read. Requests without these headers (curl, server-side
 * clients) are not browsers acting for someone else and are served. SameSite=Lax on the cookie is
 * the first line of defence; this is the second.
 */
public final class CrossSiteGuard implements SecurityPolicyHandler {

  private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

  private final Set<String> allowedOrigins;
  private final int trustedProxyHops;

  public CrossSiteGuard(List<String> allowedOrigins, int trustedProxyHops) {
    this.allowedOrigins = allowedOrigins.stream().map(PublicOrigin::normalize).collect(Collectors.toUnmodifiableSet());
    this.trustedProxyHops = trustedProxyHops;
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
    if (crossSite || (origin != null && !isOurs(PublicOrigin.normalize(origin), ctx))) {
      ctx.fail(new Forbidden("Cross-site request refused"));
      return;
    }
    ctx.next();
  }

  private boolean isOurs(String origin, RoutingContext ctx) {
    return allowedOrigins.contains(origin) || origin.equals(PublicOrigin.of(ctx.request(), trustedProxyHops));
  }
}
