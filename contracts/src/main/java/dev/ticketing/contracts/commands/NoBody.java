package dev.ticketing.contracts.commands;

import io.vertx.core.json.JsonObject;

/** Body of a command that needs nothing but the caller's identity ({@link Command#LIST_ORDERS}): an empty object. */
public record NoBody() implements CommandBody {

  public static final NoBody INSTANCE = new NoBody();

  @Override
  public JsonObject toJson() {
    return new JsonObject();
  }

  public static NoBody fromJson(JsonObject json) {
    return INSTANCE;
  }
}
