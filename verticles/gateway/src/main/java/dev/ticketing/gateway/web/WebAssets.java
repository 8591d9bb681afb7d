package dev.ticketing.gateway.web;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * Serves the web client from the classpath folder {@value #ROOT}. Scripts and styles may be
 * cached for an hour and are revalidated by Last-Modified; the page itself is always revalidated,
 * so a new release is picked up at the next load. Any other GET outside /api answers the page, so
 * the client's own paths (/tickets/123) work on reload. Pages carry a strict Content-Security-Policy
 * (scripts only from us, and Stripe's when Elements is used) and may not be framed.
 */
public final class WebAssets {

  static final String ROOT = "webroot";
  private static final long ASSET_MAX_AGE_SECONDS = 3600;
  private static final String CSP = String.join("; ",
      "default-src 'self'",
      "script-src 'self' https://js.stripe.com",
      "frame-src https://js.stripe.com https://hooks.stripe.com",
      "connect-src 'self' https://api.stripe.com",
      "img-src 'self' data:",
      "style-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'");

  private WebAssets() {
  }

  public static void mount(Router router) {
    router.route().handler(WebAssets::pageHeaders);
    router.get("/").handler(WebAssets::page); // the page itself is never served from a cache unchecked
    router.route("/*").handler(StaticHandler.create(ROOT)
        .setCachingEnabled(true)
        .setMaxAgeSeconds(ASSET_MAX_AGE_SECONDS)
        .setIndexPage("index.html")
        .setDefaultContentEncoding("UTF-8"));
    router.get("/*").handler(WebAssets::page);
  }

  private static void pageHeaders(RoutingContext ctx) {
    if (!ctx.request().path().startsWith("/api/")) {
      ctx.response()
          .putHeader("Content-Security-Policy", CSP)
          .putHeader("X-Frame-Options", "DENY");
    }
    ctx.next();
  }

  /** The client's own paths: the single page, which routes itself. */
  private static void page(RoutingContext ctx) {
    if (ctx.request().path().startsWith("/api/")) {
      ctx.next();
      return;
    }
    ctx.response()
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
        .putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
        .sendFile(ROOT + "/index.html");
  }
}
