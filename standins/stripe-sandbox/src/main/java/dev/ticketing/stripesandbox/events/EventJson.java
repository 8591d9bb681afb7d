package dev.ticketing.stripesandbox.events;

import io.vertx.core.json.JsonObject;

/** Renders an event as Stripe's {@code "object": "event"}, for the API and for webhook bodies alike. */
public final class EventJson {

  /**
   * The API version events claim. stripe-java deserializes {@code data.object} only when the release
   * after the dot matches its own ({@code Event.getDataObjectDeserializer().getObject()} is empty
   * otherwise), so this is the version stripe-java 33.3.0 is pinned to; a test keeps them equal.
   */
  public static final String API_VERSION = "2026-07-29.dahlia";

  private EventJson() {
  }

  /** @param pendingWebhooks endpoints that have not accepted the event yet (0 or 1 here) */
  public static JsonObject render(Event event, int pendingWebhooks) {
    RequestOrigin request = event.request();
    return new JsonObject()
        .put("id", event.id())
        .put("object", "event")
        .put("api_version", API_VERSION)
        .put("created", event.created())
        .put("data", new JsonObject().put("object", event.object()))
        .put("livemode", false)
        .put("pending_webhooks", pendingWebhooks)
        .put("request", new JsonObject()
            .put("id", request.requestId())
            .put("idempotency_key", request.idempotencyKey()))
        .put("type", event.type().wire());
  }
}
