package dev.ticketing.orders;

import dev.ticketing.platform.launch.ServiceLauncher;
import java.time.Clock;

/** Starts the orders service in its own JVM, as a member of the clustered event bus. */
public final class OrdersMain {

  private OrdersMain() {
  }

  public static void main(String[] args) {
    ServiceLauncher.launch("orders", settings -> {
      OrdersConfig config = OrdersConfig.from(settings);
      return () -> new OrdersVerticle(config, Clock.systemUTC());
    });
  }
}
