package dev.ticketing.stripesandbox.webhooks;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * Where the sandbox sends its webhooks and the secret it signs them with, as a Stripe webhook
 * endpoint has. Validated when built, so a bad value stops the sandbox at start-up naming the
 * variable it came from.
 *
 * @param url    absolute http(s) URL the events are POSTed to
 * @param secret the signing secret, {@code whsec_…}: what the receiver gives stripe-java's
 *               {@code Webhook.constructEvent}
 */
public record WebhookEndpoint(URI url, String secret) {

  public static final String URL_VARIABLE = "STRIPE_SANDBOX_WEBHOOK_URL";
  public static final String SECRET_VARIABLE = "STRIPE_SANDBOX_WEBHOOK_SECRET";
  private static final String SECRET_PREFIX = "whsec_";

  public WebhookEndpoint {
    Objects.requireNonNull(url, "url");
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!url.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
      throw new IllegalArgumentException(URL_VARIABLE + " must be an absolute http:// or https:// URL with a host, "
          + "got '" + url + "'");
    }
    if (secret == null || secret.isBlank()) {
      throw new IllegalArgumentException(SECRET_VARIABLE + " is required when " + URL_VARIABLE
          + " is set: it is the whsec_… secret the receiver verifies Stripe-Signature with");
    }
    // A Stripe signing secret, never an API key: catches the common mix-up before any webhook is refused.
    if (!secret.startsWith(SECRET_PREFIX) || secret.length() == SECRET_PREFIX.length()
        || secret.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException(SECRET_VARIABLE + " must look like Stripe's signing secrets: "
          + SECRET_PREFIX + " followed by characters without spaces");
    }
  }

  /** Parses the URL as given in the environment. */
  public static WebhookEndpoint of(String url, String secret) {
    try {
      return new WebhookEndpoint(new URI(url.trim()), secret == null ? null : secret.trim());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(URL_VARIABLE + " is not a valid URL: " + e.getMessage(), e);
    }
  }

  /** Never prints the secret: settings get logged. */
  @Override
  public String toString() {
    return "WebhookEndpoint[url=" + url + ", secret=" + SECRET_PREFIX + "…]";
  }
}
