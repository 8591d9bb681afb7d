package dev.ticketing.auth;

import dev.ticketing.platform.launch.ServiceLauncher;

/** Starts the auth service in its own JVM, as a member of the clustered event bus. */
public final class AuthMain {

  private AuthMain() {
  }

  public static void main(String[] args) {
    ServiceLauncher.launch("auth", settings -> {
      AuthConfig config = AuthConfig.from(settings);
      return () -> new AuthVerticle(config);
    });
  }
}
