package dev.ticketing.contracts.commands;

import io.vertx.core.json.JsonObject;

/**
 * The body of a {@link Command}: an immutable record with an explicit JSON form, like an event
 * payload. The gateway builds one from the request it validated and sends {@link #toJson()}; the
 * service reads it back with the record's {@code fromJson}. Both ends use the same record, so the
 * field names and types between them are written down once, here, and pinned by golden files.
 */
public interface CommandBody {

  JsonObject toJson();
}
