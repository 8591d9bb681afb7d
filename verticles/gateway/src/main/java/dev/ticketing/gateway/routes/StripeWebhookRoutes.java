package dev.ticketing.gateway.routes;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import dev.ticketing.contracts.commands.Command;
import dev.ticketing.contracts.commands.StripeEventFacts;
import dev.ticketing.contracts.errors.BadRequest;
import dev.ticketing.contracts.errors.NotFound;
import dev.ticketing.gateway.http.ResponseHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/webhooks/stripe}: Stripe tells us what happened to our payment intents. The
 * {@code Stripe-Signature} header is checked on the raw body (stripe-java's
 * {@link Webhook#constructEvent}, which also refuses timestamps older than five minutes, so an old
 * capture cannot be replayed); only then are the event's few facts we use handed to the payments
 * service: type, intent, order (the intent's metadata) and refund. A verified event of another type
 * is acknowledged and ignored, as Stripe expects.
 */
final class StripeWebhookRoutes {

  private static final Logger log = LoggerFactory.getLogger(StripeWebhookRoutes.class);
  private static final Set<String> HANDLED = Set.of("payment_intent.succeeded", "payment_intent.payment_failed",
      "payment_intent.canceled", "charge.refunded");

  private final ServiceClient services;
  private final String secret;

  StripeWebhookRoutes(ServiceClient services, String secret) {
    this.services = services;
    this.secret = secret;
  }

  void mount(RouterBuilder api) {
    api.getRoute("stripeWebhook").addHandler(this::receive);
  }

  private void receive(RoutingContext ctx) {
    if (secret.isEmpty()) {
      ctx.fail(new NotFound("Not found"));
      return;
    }
    String payload = ctx.body().asString();
    String signature = ctx.request().getHeader("Stripe-Signature");
    try {
      Webhook.constructEvent(payload, signature == null ? "" : signature, secret);
    } catch (SignatureVerificationException | RuntimeException unverified) {
      log.warn("Stripe webhook refused: {} (request {})", unverified.getMessage(), ResponseHeaders.requestId(ctx));
      ctx.fail(new BadRequest("The Stripe-Signature header does not match the body"));
      return;
    }
    JsonObject event = new JsonObject(payload);
    String type = event.getString("type", "");
    if (!HANDLED.contains(type)) {
      Forward.respond(ctx, 200, new JsonObject().put("received", true));
      return;
    }
    services.send(Command.STRIPE_EVENT, facts(type, event.getJsonObject("data", new JsonObject())
            .getJsonObject("object", new JsonObject())), ctx)
        .onSuccess(handled -> Forward.respond(ctx, 200, new JsonObject().put("received", true)))
        .onFailure(ctx::fail);
  }

  /** What payments needs of the event's object: a PaymentIntent, or for charge.refunded a Charge. */
  private static StripeEventFacts facts(String type, JsonObject object) {
    boolean charge = type.startsWith("charge.");
    JsonObject metadata = object.getJsonObject("metadata", new JsonObject());
    JsonArray refunds = charge ? object.getJsonObject("refunds", new JsonObject()).getJsonArray("data") : null;
    return new StripeEventFacts(type, charge ? object.getString("payment_intent") : object.getString("id"),
        metadata.getString("orderId"), refunds == null || refunds.isEmpty() ? null : refunds.getJsonObject(0).getString("id"));
  }
}
