package dev.ticketing.gateway;

import dev.ticketing.platform.launch.ServiceLauncher;

/** Starts the gateway in its own JVM: the public HTTP server and a member of the clustered event bus. */
public final class GatewayMain {

  private GatewayMain() {
  }

  public static void main(String[] args) {
    ServiceLauncher.launch("gateway", settings -> {
      GatewayConfig config = GatewayConfig.from(settings);
      return () -> new GatewayVerticle(config);
    });
  }
}
