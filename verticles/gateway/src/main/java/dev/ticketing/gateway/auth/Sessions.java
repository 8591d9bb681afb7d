package dev.ticketing.gateway.auth;

import dev.ticketing.contracts.errors.NotAuthorized;
import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The session cookie: {@code session}, HttpOnly, SameSite=Lax, Path=/, Secure when configured,
 * holding a {@link SessionTokens} JWT. The value may also be cookie-session's base64 JSON
 * {@code {"jwt": "..."}}, as clients of the original design send it.
 */
public final class Sessions {

  public static final String COOKIE = "session";
  private static final String USER_KEY = "session.user";

  private final SessionTokens tokens;
  private final boolean secure;

  public Sessions(SessionTokens tokens, boolean secure) {
    this.tokens = tokens;
    this.secure = secure;
  }

  /** Root handler: whatever the cookie holds, the request continues; only a valid token names a user. */
  public Handler<RoutingContext> reader() {
    return ctx -> {
      Cookie cookie = ctx.request().getCookie(COOKIE);
      Optional<String> token = cookie == null ? Optional.empty() : tokenIn(cookie.getValue());
      if (token.isEmpty()) {
        ctx.next();
        return;
      }
      tokens.verify(token.get()).onComplete(result -> {
        if (result.succeeded()) {
          ctx.put(USER_KEY, result.result());
        }
        ctx.next();
      });
    };
  }

  /** Route handler for operations that need a session: 401 without one. */
  public Handler<RoutingContext> required() {
    return ctx -> {
      if (current(ctx).isPresent()) {
        ctx.next();
      } else {
        ctx.fail(new NotAuthorized("Not authorized"));
      }
    };
  }

  public static Optional<SessionUser> current(RoutingContext ctx) {
    return Optional.ofNullable(ctx.get(USER_KEY));
  }

  /** Signs {@code user} in on this response. */
  public void start(RoutingContext ctx, JsonObject user) {
    String token = tokens.issue(user.getString("id"), user.getString("email"));
    ctx.response().addCookie(cookie(token).setMaxAge(tokens.ttlSeconds()));
  }

  /** Clears the cookie (Max-Age=0), signing the browser out. */
  public void end(RoutingContext ctx) {
    ctx.response().addCookie(cookie("").setMaxAge(0));
  }

  private Cookie cookie(String value) {
    return Cookie.cookie(COOKIE, value).setPath("/").setHttpOnly(true).setSecure(secure).setSameSite(CookieSameSite.LAX);
  }

  static Optional<String> tokenIn(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    if (value.chars().filter(c -> c == '.').count() == 2) {
      return Optional.of(value);
    }
    try {
      String json = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
      return Optional.ofNullable(new JsonObject(json).getString("jwt"));
    } catch (IllegalArgumentException | DecodeException | ClassCastException garbled) {
      return Optional.empty();
    }
  }
}
