package dev.ticketing.stripesandbox.cards;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.ZoneOffset;

/** Renders a PaymentMethod as Stripe's {@code "object": "payment_method"}. */
public final class PaymentMethodJson {

  private PaymentMethodJson() {
  }

  public static JsonObject render(PaymentMethod method) {
    TestCard card = method.card();
    // Stripe's test cards never expire by date (the expired-card decline is simulated): any future date will do.
    int expYear = Instant.ofEpochSecond(method.created()).atZone(ZoneOffset.UTC).getYear() + 3;
    return new JsonObject()
        .put("id", method.id())
        .put("object", "payment_method")
        .put("type", "card")
        .put("card", new JsonObject()
            .put("brand", card.brand())
            .put("last4", card.last4())
            .put("funding", card.funding())
            .put("exp_month", 12)
            .put("exp_year", expYear)
            .put("country", "US"))
        .put("billing_details", new JsonObject()
            .putNull("address").putNull("email").putNull("name").putNull("phone"))
        .put("created", method.created())
        .putNull("customer")
        .put("livemode", false)
        .put("metadata", new JsonObject());
  }
}
