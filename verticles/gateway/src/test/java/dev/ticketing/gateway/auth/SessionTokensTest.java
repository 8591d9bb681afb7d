package dev.ticketing.gateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class SessionTokensTest {

  private static final String KEY = "a-test-key-that-is-long-enough-for-hs256!!";

  @Test
  void aTokenWeIssuedNamesItsUser(Vertx vertx, VertxTestContext test) {
    SessionTokens tokens = new SessionTokens(vertx, KEY, 3600);
    tokens.verify(tokens.issue("u1", "ann@example.com")).onComplete(test.succeeding(user -> test.verify(() -> {
      assertEquals("u1", user.id());
      assertEquals("ann@example.com", user.email());
      assertEquals(3600, user.expiresAt() - user.issuedAt());
      test.completeNow();
    })));
  }

  @Test
  void anUnsignedTokenIsRefused(Vertx vertx, VertxTestContext test) {
    SessionTokens tokens = new SessionTokens(vertx, KEY, 3600);
    String[] parts = tokens.issue("u1", "ann@example.com").split("\\.");
    String none = encode(new JsonObject().put("alg", "none").put("typ", "JWT")) + "." + parts[1] + ".";
    tokens.verify(none).onComplete(test.failingThenComplete());
  }

  @Test
  void aTamperedTokenIsRefused(Vertx vertx, VertxTestContext test) {
    SessionTokens tokens = new SessionTokens(vertx, KEY, 3600);
    String[] parts = tokens.issue("u1", "ann@example.com").split("\\.");
    String forged = parts[0] + "." + encode(new JsonObject().put("id", "admin").put("email", "a@b.c")
        .put("iat", 1).put("exp", 4_000_000_000L)) + "." + parts[2];
    tokens.verify(forged).onComplete(test.failingThenComplete());
  }

  @Test
  void aTokenSignedWithAnotherKeyIsRefused(Vertx vertx, VertxTestContext test) {
    String foreign = new SessionTokens(vertx, "another-key-another-key-another-key-123", 3600).issue("u1", "a@b.c");
    new SessionTokens(vertx, KEY, 3600).verify(foreign).onComplete(test.failingThenComplete());
  }

  @Test
  void anExpiredTokenIsRefused(Vertx vertx, VertxTestContext test) {
    SessionTokens tokens = new SessionTokens(vertx, KEY, 3600);
    // Signed with the right key, but its exp lies a minute in the past.
    String expired = new SessionTokens(vertx, KEY, -60).issue("u1", "ann@example.com");
    tokens.verify(expired).onComplete(test.failingThenComplete());
  }

  private static String encode(JsonObject json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.encode().getBytes(StandardCharsets.UTF_8));
  }
}
