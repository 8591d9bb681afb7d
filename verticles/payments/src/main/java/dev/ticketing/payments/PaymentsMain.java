package dev.ticketing.payments;

import dev.ticketing.platform.launch.ServiceLauncher;

/** Starts the payments service in its own JVM, as a member of the clustered event bus. */
public final class PaymentsMain {

  private PaymentsMain() {
  }

  public static void main(String[] args) {
    ServiceLauncher.launch("payments", settings -> {
      PaymentsConfig config = PaymentsConfig.from(settings);
      return () -> new PaymentsVerticle(config);
    });
  }
}
