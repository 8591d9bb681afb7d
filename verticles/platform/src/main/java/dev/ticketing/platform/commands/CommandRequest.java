package dev.ticketing.platform.commands;

import dev.ticketing.contracts.commands.CommandHeaders;
import dev.ticketing.contracts.errors.NotAuthorized;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/** One command as a service sees it: the body and the identity the gateway vouched for. */
public record CommandRequest(JsonObject body, Optional<String> userId, Optional<String> userEmail,
                             String requestId, String clientAddress) {

  static CommandRequest from(Object body, MultiMap headers) {
    return new CommandRequest(
        body instanceof JsonObject json ? json : new JsonObject(),
        Optional.ofNullable(headers.get(CommandHeaders.USER_ID)),
        Optional.ofNullable(headers.get(CommandHeaders.USER_EMAIL)),
        headers.get(CommandHeaders.REQUEST_ID) == null ? "-" : headers.get(CommandHeaders.REQUEST_ID),
        headers.get(CommandHeaders.CLIENT_ADDRESS) == null ? "unknown" : headers.get(CommandHeaders.CLIENT_ADDRESS));
  }

  /** The signed-in user's id; a 401 when the gateway sent none. */
  public String requireUser() {
    return userId.orElseThrow(() -> new NotAuthorized("Not authorized"));
  }
}
