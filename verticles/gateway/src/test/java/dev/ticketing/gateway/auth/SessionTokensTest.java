package dev.ticketing.gateway.auth;

import static dev.ticketing.platform.testing.Blocking.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class SessionTokensTest {

  private static final String KEY = "a-test-key-that-is-long-enough-for-hs256!!";

  @Test
  void aTokenWeIssuedNamesItsUser(Vertx vertx) throws Exception {
    SessionTokens tokens = new SessionTokens(vertx, KEY, 3600);

    SessionUser user = await(tokens.verify(tokens.issue("u1", "ann@example.com")));

    assertEquals("u1", user.id());
    assertEquals("ann@example.com", user.email());
    assertEquals(3600, user.expiresAt() - user.issuedAt());
  }

  @Test
  void anUnsignedTokenIsRefused(Vertx vertx) {
    SessionTokens tokens = new SessionTokens(vertx, KEY, 3600);
    String[] parts = tokens.issue("u1", "ann@example.com").split("\\.");
    String none = encode(new JsonObject().put("alg", "none").put("typ", "JWT")) + "." + parts[1] + ".";

    assertThrows(ExecutionException.class, () -> await(tokens.verify(none)));
  }

  @Test
  void aTamperedTokenIsRefused(Vertx vertx) {
    SessionTokens tokens = new SessionTokens(vertx, KEY, 3600);
    String[] parts = tokens.issue("u1", "ann@example.com").split("\\.");
    String forged = parts[0] + "." + encode(new JsonObject().put("id", "admin").put("email", "a@b.c")
        .put("iat", 1).put("exp", 4_000_000_000L)) + "." + parts[2];

    assertThrows(ExecutionException.class, () -> await(tokens.verify(forged)));
  }

  @Test
  void aTokenSignedWithAnotherKeyIsRefused(Vertx vertx) {
    String foreign = new SessionTokens(vertx, "another-key-another-key-another-key-123", 3600).issue("u1", "a@b.c");

    assertThrows(ExecutionException.class, () -> await(new SessionTokens(vertx, KEY, 3600).verify(foreign)));
  }

  @Test
  void anExpiredTokenIsRefused(Vertx vertx) {
    SessionTokens tokens = new SessionTokens(vertx, KEY, 3600);
    // Signed with the right key, but its exp lies a minute in the past.
    String expired = new SessionTokens(vertx, KEY, -60).issue("u1", "ann@example.com");

    assertThrows(ExecutionException.class, () -> await(tokens.verify(expired)));
  }

  private static String encode(JsonObject json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.encode().getBytes(StandardCharsets.UTF_8));
  }
}
