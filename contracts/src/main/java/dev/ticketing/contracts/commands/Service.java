package dev.ticketing.contracts.commands;

/**
 * The services behind the gateway. Each answers a readiness ping on {@link #pingAddress()}, so
 * the gateway can tell whether the whole system is ready, not just itself.
 */
public enum Service {
  AUTH("auth"),
  TICKETS("tickets"),
  ORDERS("orders"),
  EXPIRATION("expiration"),
  PAYMENTS("payments");

  private final String serviceName;

  Service(String serviceName) {
    this.serviceName = serviceName;
  }

  public String serviceName() {
    return serviceName;
  }

  public String pingAddress() {
    return "ping." + serviceName;
  }
}
