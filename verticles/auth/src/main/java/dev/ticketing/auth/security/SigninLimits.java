package dev.ticketing.auth.security;

import dev.ticketing.platform.config.Settings;

/**
 * How many failed sign-ins are tolerated per window: per account (tight: guessing one password)
 * and per client address (loose: many people can share one address behind a NAT).
 */
public record SigninLimits(int perAccount, int perAddress, int windowSeconds) {

  public static SigninLimits from(Settings settings) {
    return new SigninLimits(
        settings.integer("SIGNIN_MAX_FAILURES_PER_ACCOUNT", 10, 1, 1_000_000),
        settings.integer("SIGNIN_MAX_FAILURES_PER_ADDRESS", 300, 1, 1_000_000),
        settings.integer("SIGNIN_FAILURE_WINDOW_SECONDS", 900, 1, 86_400));
  }
}
