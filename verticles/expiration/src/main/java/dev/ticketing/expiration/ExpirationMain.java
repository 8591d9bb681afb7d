package dev.ticketing.expiration;

import dev.ticketing.platform.launch.ServiceLauncher;

/** Starts the expiration service in its own JVM, as a member of the clustered event bus. */
public final class ExpirationMain {

  private ExpirationMain() {
  }

  public static void main(String[] args) {
    ServiceLauncher.launch("expiration", settings -> {
      ExpirationConfig config = ExpirationConfig.from(settings);
      return () -> new ExpirationVerticle(config);
    });
  }
}
