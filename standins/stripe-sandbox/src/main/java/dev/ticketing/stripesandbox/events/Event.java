package dev.ticketing.stripesandbox.events;

import io.vertx.core.json.JsonObject;

/**
 * Something that happened, as Stripe records it: an {@code evt_…} with a snapshot of the object it
 * is about, rendered as the API rendered it at that moment (a later change to the object does not
 * change the event).
 *
 * @param created         epoch seconds
 * @param object          the API rendering of the object, e.g. the whole PaymentIntent
 * @param paymentIntentId the intent the event concerns; its webhooks are delivered in order
 */
public record Event(String id, EventType type, long created, JsonObject object, RequestOrigin request,
    String paymentIntentId) {

  public Event {
    object = object.copy(); // a snapshot: nobody may change it afterwards
  }

  @Override
  public JsonObject object() {
    return object.copy();
  }
}
