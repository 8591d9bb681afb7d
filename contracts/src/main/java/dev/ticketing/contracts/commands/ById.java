package dev.ticketing.contracts.commands;

import io.vertx.core.json.JsonObject;

/**
 * Body of a command that names one document by its id: {@link Command#SHOW_TICKET},
 * {@link Command#SHOW_ORDER}, {@link Command#CANCEL_ORDER}. The id is as the client wrote it in the
 * path; the service decides whether it could be one of its ids.
 */
public record ById(String id) implements CommandBody {

  @Override
  public JsonObject toJson() {
    return new JsonObject().put("id", id);
  }

  public static ById fromJson(JsonObject json) {
    return new ById(Fields.text(json, "id"));
  }
}
