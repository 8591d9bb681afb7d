package dev.ticketing.gateway.http;

import io.vertx.ext.web.RoutingContext;

/**
 * The client's address for per-address limits. Behind N trusted reverse proxies, the client is
 * the N-th entry from the right of X-Forwarded-For (each proxy appends the address it saw);
 * entries further left are whatever the client claimed and are ignored.
 */
public final class ClientAddress {

  private ClientAddress() {
  }

  public static String of(RoutingContext ctx, int trustedProxyHops) {
    String peer = ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().hostAddress();
    String forwarded = ctx.request().getHeader("X-Forwarded-For");
    if (trustedProxyHops == 0 || forwarded == null) {
      return peer;
    }
    String[] hops = forwarded.split(",");
    int index = hops.length - trustedProxyHops;
    return index >= 0 ? hops[index].trim() : peer;
  }
}
