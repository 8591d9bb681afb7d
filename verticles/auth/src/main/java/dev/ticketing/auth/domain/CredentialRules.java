package dev.ticketing.auth.domain;

import dev.ticketing.contracts.commands.Credentials;
import dev.ticketing.contracts.errors.ApiError;
import dev.ticketing.contracts.errors.Validation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The rules for what a user may send as credentials. Pure: no I/O, no Vert.x. */
public final class CredentialRules {

  public static final int MIN_PASSWORD = 8;
  public static final int MAX_PASSWORD = 128;
  private static final int MAX_EMAIL = 254;
  // Deliberately simple: one @, no spaces, a dot in the domain. Deliverability is not provable here.
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  private CredentialRules() {
  }

  /** Valid sign-up credentials with the email normalised, or every field error at once. */
  public static Credentials forSignUp(Credentials input) {
    List<ApiError> errors = new ArrayList<>();
    String email = checkEmail(input.email(), errors);
    String password = input.password() == null ? "" : input.password();
    int length = password.codePointCount(0, password.length());
    if (length < MIN_PASSWORD || length > MAX_PASSWORD) {
      errors.add(new ApiError("Password must be between " + MIN_PASSWORD + " and " + MAX_PASSWORD + " characters", "password"));
    }
    return valid(errors, new Credentials(email, password));
  }

  /** Sign-in credentials with the email normalised; the password only has to be present. */
  public static Credentials forSignIn(Credentials input) {
    List<ApiError> errors = new ArrayList<>();
    String email = checkEmail(input.email(), errors);
    if (input.password() == null || input.password().isEmpty()) {
      errors.add(new ApiError("You must supply a password", "password"));
    }
    return valid(errors, new Credentials(email, input.password()));
  }

  /** Trimmed and lower-cased, so that Ann@Example.com and ann@example.com are one account. */
  public static String normaliseEmail(String email) {
    return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
  }

  private static String checkEmail(String raw, List<ApiError> errors) {
    String email = normaliseEmail(raw);
    if (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches()) {
      errors.add(new ApiError("Email must be valid", "email"));
    }
    return email;
  }

  private static Credentials valid(List<ApiError> errors, Credentials credentials) {
    if (!errors.isEmpty()) {
      throw new Validation(errors);
    }
    return credentials;
  }
}
