package dev.ticketing.payments.stripe;

import dev.ticketing.platform.config.Settings;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How to reach Stripe.
 *
 * @param apiKey            secret key; sk_test_... against the sandbox. Never logged: see {@link #toString()}
 * @param apiBase           the local Stripe sandbox's base URL; empty means the real Stripe
 * @param timeoutMillis     connect and read timeout of one try; (retries + 1) tries should fit in the gateway's
 *                          SERVICE_TIMEOUT_MS, or the buyer is told 504 while the payment still completes
 * @param maxNetworkRetries stripe-java's retries of failed connections, 5xx and 409s (a twin request in
 *                          flight); safe because every call carries our idempotency key
 */
public record StripeSettings(String apiKey, Optional<String> apiBase, int timeoutMillis, int maxNetworkRetries) {

  private static final Pattern SECRET_KEY = Pattern.compile("^(sk|rk)_(test|live)_\\S+$");
  private static final Pattern BASE_URL = Pattern.compile("^https?://[^\\s/]+(/\\S*)?$");

  public static StripeSettings from(Settings settings) {
    String key = settings.required("STRIPE_KEY", "the Stripe secret key (sk_test_... for the sandbox or Stripe's test mode)");
    if (!key.isEmpty() && !SECRET_KEY.matcher(key).matches()) {
      settings.problem("STRIPE_KEY must be a Stripe secret or restricted key (sk_test_..., sk_live_..., rk_...)");
    }
    Optional<String> base = settings.optional("STRIPE_API_BASE").map(url -> url.replaceAll("/+$", ""));
    if (base.isPresent() && !BASE_URL.matcher(base.get()).matches()) {
      settings.problem("STRIPE_API_BASE must be an http(s) URL such as http://127.0.0.1:12111, got '" + base.get() + "'");
    }
    if (base.isPresent() && key.contains("_live_")) {
      settings.problem("STRIPE_KEY is a live key but STRIPE_API_BASE points elsewhere than Stripe; use a sk_test_ key");
    }
    return new StripeSettings(key, base,
        settings.integer("STRIPE_TIMEOUT_MS", 4_000, 100, 120_000),
        settings.integer("STRIPE_MAX_NETWORK_RETRIES", 2, 0, 10));
  }

  /** The key's kind only: a record's default toString would print the secret into logs. */
  @Override
  public String toString() {
    String kind = apiKey.length() > 8 ? apiKey.substring(0, apiKey.indexOf('_', 3) + 1) + "..." : "(none)";
    return "StripeSettings[apiKey=" + kind + ", apiBase=" + apiBase.orElse("https://api.stripe.com")
        + ", timeoutMillis=" + timeoutMillis + ", maxNetworkRetries=" + maxNetworkRetries + "]";
  }
}
