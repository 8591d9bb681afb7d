package dev.ticketing.stripesandbox.http;

import dev.ticketing.stripesandbox.StripeIds;
import io.vertx.ext.web.RoutingContext;

/**
 * Gives every request a {@code Request-Id: req_…} header, as Stripe does, first thing, so that
 * even a 404 or a body-size rejection carries one. Logs quote it.
 */
public final class RequestIds {

  public static final String HEADER = "Request-Id";
  private static final String CONTEXT_KEY = "stripe-sandbox.request-id";
  private static final String STRIPE_VERSION = "Stripe-Version";

  private RequestIds() {
  }

  public static void stamp(RoutingContext ctx) {
    String id = StripeIds.requestId();
    ctx.put(CONTEXT_KEY, id);
    ctx.response().putHeader(HEADER, id);
    // Stripe answers in the API version asked for and says so; echo it so clients that log it see one.
    String version = ctx.request().getHeader(STRIPE_VERSION);
    if (version != null) {
      ctx.response().putHeader(STRIPE_VERSION, version);
    }
    ctx.next();
  }

  public static String of(RoutingContext ctx) {
    String id = ctx.get(CONTEXT_KEY);
    return id != null ? id : "req_unknown";
  }
}
