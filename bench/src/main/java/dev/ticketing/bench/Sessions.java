package dev.ticketing.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sessions for the benchmark's buyers and sellers, signed with the system's own key (the one
 * {@code ./ticketing up} generated into its data dir): an HS256 JWT {@code {id, email, iat, exp}},
 * exactly what signing in returns. Thousands of buyers with their own sessions would otherwise cost
 * thousands of bcrypt sign-ups (about 145 ms of CPU each), which is not what a rush measures.
 */
final class Sessions {

  private final byte[] key;

  Sessions(String jwtKey) {
    this.key = jwtKey.getBytes(StandardCharsets.UTF_8);
  }

  /** {@code count} distinct users' session tokens. */
  List<String> users(int count) {
    List<String> sessions = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String id = HexFormat.of().formatHex(randomBytes(12));
      sessions.add(token(id, "bench-" + id + "@example.com"));
    }
    return sessions;
  }

  String token(String userId, String email) {
    long now = System.currentTimeMillis() / 1000;
    String header = base64("{\"typ\":\"JWT\",\"alg\":\"HS256\"}");
    String claims = base64("{\"id\":\"" + userId + "\",\"email\":\"" + email + "\",\"iat\":" + now + ",\"exp\":" + (now + 86_400) + "}");
    String unsigned = header + "." + claims;
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return unsigned + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(unsigned.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JVM has HmacSHA256", e);
    }
  }

  private static byte[] randomBytes(int count) {
    byte[] bytes = new byte[count];
    ThreadLocalRandom.current().nextBytes(bytes);
    return bytes;
  }

  private static String base64(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
