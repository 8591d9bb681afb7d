package dev.ticketing.stripesandbox.http;

import dev.ticketing.stripesandbox.errors.ApiError;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stripe's authentication: {@code Authorization: Bearer KEY}, or HTTP Basic with the key as user
 * name (what {@code curl -u sk_test_…:} sends). Any test-mode secret or restricted key is accepted;
 * a live key is refused, so a misconfigured client cannot mistake the sandbox for Stripe.
 */
public final class ApiKeyCheck implements Handler<RoutingContext> {

  private static final String CONTEXT_KEY = "stripe-sandbox.api-key";
  private static final Pattern KEY_PREFIX = Pattern.compile("^([a-z]+_(?:test|live)_)");
  private static final String NO_KEY = "You did not provide an API key. You need to provide your API key in the "
      + "Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). "
      + "The Stripe sandbox accepts any key starting with sk_test_ or rk_test_.";

  private final Responder responder;

  public ApiKeyCheck(Responder responder) {
    this.responder = responder;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String key = presentedKey(ctx.request().getHeader(HttpHeaders.AUTHORIZATION));
    if (key == null || key.isEmpty()) {
      reject(ctx, NO_KEY);
      return;
    }
    if (!accepted(key)) {
      reject(ctx, "Invalid API Key provided: " + masked(key));
      return;
    }
    ctx.put(CONTEXT_KEY, key);
    ctx.next();
  }

  /** The API key of an authenticated request; idempotency keys are scoped by it. */
  public static String apiKey(RoutingContext ctx) {
    return ctx.get(CONTEXT_KEY);
  }

  static boolean accepted(String key) {
    return (key.startsWith("sk_test_") || key.startsWith("rk_test_")) && key.length() > "sk_test_".length();
  }

  private static String presentedKey(String authorization) {
    if (authorization == null) {
      return null;
    }
    String value = authorization.trim();
    if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return value.substring(7).trim();
    }
    if (value.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String credentials = new String(Base64.getDecoder().decode(value.substring(6).trim()), StandardCharsets.UTF_8);
        int colon = credentials.indexOf(':');
        return colon < 0 ? credentials : credentials.substring(0, colon);
      } catch (IllegalArgumentException e) {
        return value;
      }
    }
    return value;
  }

  /** Like Stripe, never echo a whole key: keep its kind and last four characters. */
  static String masked(String key) {
    Matcher prefix = KEY_PREFIX.matcher(key);
    String kept = prefix.find() ? prefix.group(1) : "";
    int hidden = key.length() - kept.length() - 4;
    if (hidden < 4) {
      return kept + "*".repeat(Math.max(4, key.length() - kept.length()));
    }
    return kept + "*".repeat(hidden) + key.substring(key.length() - 4);
  }

  private void reject(RoutingContext ctx, String message) {
    responder.respond(ctx, ApiResponse.of(ApiError.authentication(message))
        .withHeader("WWW-Authenticate", "Basic realm=\"Stripe\""));
  }
}
