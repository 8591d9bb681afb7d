package dev.ticketing.contracts.events;

import io.vertx.core.json.JsonObject;

/** The body of a domain event: an immutable record with an explicit JSON form (no reflection). */
public interface EventPayload {

  Subject subject();

  JsonObject toJson();
}
