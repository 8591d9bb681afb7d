package dev.ticketing.gateway.support;

import dev.ticketing.gateway.auth.SessionTokens;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.HttpResponse;

/** Session cookies for requests, and reading the one a response sets. */
public final class Cookies {

  private Cookies() {
  }

  public static String sessionFor(Vertx vertx, String userId, String email) {
    return "session=" + new SessionTokens(vertx, GatewayFixture.JWT_KEY, 3600).issue(userId, email);
  }

  /** The Set-Cookie header for the session cookie, or null. */
  public static String sessionSetCookie(HttpResponse<?> response) {
    return response.headers().getAll("set-cookie").stream()
        .filter(header -> header.startsWith("session="))
        .findFirst().orElse(null);
  }

  /** "session=value" from a Set-Cookie header, to send back. */
  public static String asRequestCookie(String setCookie) {
    return setCookie.split(";", 2)[0];
  }
}
