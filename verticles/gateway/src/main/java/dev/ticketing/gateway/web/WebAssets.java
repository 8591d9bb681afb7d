package dev.ticketing.gateway.web;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * Serves the web client from the classpath folder {@value #ROOT}. Every file is served with
 * {@code Cache-Control: no-cache} and a Last-Modified date: browsers keep their copy but ask each
 * time, and an unchanged file costs a 304, so a new release is picked up at the next load (asset
 * URLs are not versioned, so "immutable" would serve last release's scripts for an hour). A GET or
 * HEAD outside /api for a path without a file extension answers the page, so the client's own
 * paths (/tickets/123) work on reload; a missing file is a plain 404. Pages carry a strict
 * Content-Security-Policy (scripts only from us, and Stripe's when Elements is used) and may not be
 * framed.
 */
public final class WebAssets {

  static final String ROOT = "webroot";
  /** Any path but /api and what is under it. */
  private static final String OUTSIDE_API = "^/(?!api(?:/|$)).*";
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

  /**
   * Every route here matches only paths outside /api: a route that matches a path, even one whose
   * handler passes it on, makes Vert.x answer 405 (this page exists for GET) or forget an earlier
   * 405, so API paths would get the web client's method rules instead of their own.
   */
  public static void mount(Router router) {
    router.routeWithRegex(OUTSIDE_API).handler(WebAssets::pageHeaders);
    router.route("/").method(HttpMethod.GET).method(HttpMethod.HEAD).handler(WebAssets::page);
    router.routeWithRegex(OUTSIDE_API).handler(StaticHandler.create(ROOT)
        .setCachingEnabled(true) // for Last-Modified and 304s; Cache-Control itself is set in pageHeaders
        .setIndexPage("index.html")
        .setDefaultContentEncoding("UTF-8"));
    router.routeWithRegex(OUTSIDE_API).method(HttpMethod.GET).method(HttpMethod.HEAD).handler(WebAssets::page);
  }

  private static void pageHeaders(RoutingContext ctx) {
    ctx.response()
        .putHeader("Content-Security-Policy", CSP)
        .putHeader("X-Frame-Options", "DENY");
    ctx.addHeadersEndHandler(ended -> ctx.response().headers().set(HttpHeaders.CACHE_CONTROL, "no-cache"));
    ctx.next();
  }

  /** The client's own paths: the single page, which routes itself. Files that do not exist stay 404. */
  private static void page(RoutingContext ctx) {
    String path = ctx.request().path();
    if (path.substring(path.lastIndexOf('/') + 1).contains(".")) {
      ctx.next();
      return;
    }
    ctx.response()
        .putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
        .sendFile(ROOT + "/index.html");
  }
}
