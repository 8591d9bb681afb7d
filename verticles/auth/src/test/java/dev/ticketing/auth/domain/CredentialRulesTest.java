package dev.ticketing.auth.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ticketing.contracts.commands.Credentials;
import dev.ticketing.contracts.errors.ApiError;
import dev.ticketing.contracts.errors.Validation;
import java.util.List;
import org.junit.jupiter.api.Test;

class CredentialRulesTest {

  @Test
  void emailsAreTrimmedAndLowerCased() {
    assertEquals("ann@example.com", CredentialRules.forSignUp(new Credentials("  Ann@Example.COM ", "password1")).email());
    assertEquals("ann@example.com", CredentialRules.forSignIn(new Credentials("ANN@example.com", "x")).email());
  }

  @Test
  void passwordsMustBe8To128Characters() {
    assertEquals("12345678", CredentialRules.forSignUp(new Credentials("a@b.co", "12345678")).password());
    assertEquals(128, CredentialRules.forSignUp(new Credentials("a@b.co", "p".repeat(128))).password().length());
    assertThrows(Validation.class, () -> CredentialRules.forSignUp(new Credentials("a@b.co", "1234567")));
    assertThrows(Validation.class, () -> CredentialRules.forSignUp(new Credentials("a@b.co", "p".repeat(129))));
    // Characters, not UTF-16 units: eight emoji are eight characters.
    assertEquals(8, CredentialRules.forSignUp(new Credentials("a@b.co", "😀".repeat(8))).password().codePointCount(0, 16));
  }

  @Test
  void everyProblemIsReportedAtOnceWithItsField() {
    Validation invalid = assertThrows(Validation.class, () -> CredentialRules.forSignUp(new Credentials("not-an-email", "short")));
    assertEquals(List.of(new ApiError("Email must be valid", "email"),
        new ApiError("Password must be between 8 and 128 characters", "password")), invalid.errors());
  }

  @Test
  void invalidEmailsAreRefused() {
    for (String email : new String[] {"", "   ", "a@b", "@b.co", "a b@c.co", "a@b@c.co", "x".repeat(250) + "@b.co"}) {
      assertThrows(Validation.class, () -> CredentialRules.forSignUp(new Credentials(email, "password1")), email);
    }
    assertThrows(Validation.class, () -> CredentialRules.forSignUp(new Credentials(null, null)));
  }

  @Test
  void signInNeedsAPasswordButNotItsLengthRules() {
    assertEquals("x", CredentialRules.forSignIn(new Credentials("a@b.co", "x")).password());
    Validation missing = assertThrows(Validation.class, () -> CredentialRules.forSignIn(new Credentials("a@b.co", "")));
    assertEquals("password", missing.errors().get(0).field());
  }
}
