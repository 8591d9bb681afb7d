package dev.ticketing.tickets;

import dev.ticketing.platform.launch.ServiceLauncher;

/** Starts the tickets service in its own JVM, as a member of the clustered event bus. */
public final class TicketsMain {

  private TicketsMain() {
  }

  public static void main(String[] args) {
    ServiceLauncher.launch("tickets", settings -> {
      TicketsConfig config = TicketsConfig.from(settings);
      return () -> new TicketsVerticle(config);
    });
  }
}
