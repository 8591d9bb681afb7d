package dev.ticketing.contracts.commands;

import io.vertx.core.json.JsonObject;

/**
 * Body of {@link Command#STRIPE_EVENT}: what payments needs of a webhook event whose signature the
 * gateway verified. {@code type} is Stripe's event type; {@code intentId} the PaymentIntent it is
 * about; {@code orderId} from the intent's metadata; {@code refundId} only for {@code charge.refunded}.
 * The last three may be absent in an event that is not about one of our payments.
 */
public record StripeEventFacts(String type, String intentId, String orderId, String refundId) implements CommandBody {

  @Override
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("type", type);
    Fields.putPresent(json, "intentId", intentId);
    Fields.putPresent(json, "orderId", orderId);
    return Fields.putPresent(json, "refundId", refundId);
  }

  public static StripeEventFacts fromJson(JsonObject json) {
    String type = Fields.text(json, "type");
    return new StripeEventFacts(type == null ? "" : type, Fields.text(json, "intentId"), Fields.text(json, "orderId"),
        Fields.text(json, "refundId"));
  }
}
