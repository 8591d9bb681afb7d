package dev.ticketing.stripesandbox.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stripe's webhook signature: {@code Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>}, the
 * HMAC keyed with the whole secret string ({@code whsec_…} included) over {@code "<t>.<raw body>"}
 * in UTF-8. That is what stripe-java's {@code Webhook.constructEvent} recomputes; it also refuses
 * a {@code t} more than five minutes old, which is why every delivery attempt is signed afresh.
 */
public final class WebhookSignature {

  public static final String HEADER = "Stripe-Signature";
  private static final String ALGORITHM = "HmacSHA256";

  private WebhookSignature() {
  }

  public static String header(String secret, long timestamp, String payload) {
    return "t=" + timestamp + ",v1=" + hmac(secret, timestamp + "." + payload);
  }

  private static String hmac(String secret, String signed) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
      return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
