package dev.ticketing.orders.domain;

/**
 * The life of an order: {@code created} (holding its ticket, unpaid), then either {@code complete}
 * (paid: the ticket is sold) or {@code cancelled} (by its buyer or by expiry: the ticket is free
 * again). Both ends are final. {@code awaiting:payment} is part of the API's vocabulary but no
 * order of ours ever enters it.
 */
public enum OrderStatus {
  CREATED("created"),
  CANCELLED("cancelled"),
  AWAITING_PAYMENT("awaiting:payment"),
  COMPLETE("complete");

  private final String wireName;

  OrderStatus(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static OrderStatus fromWire(String name) {
    for (OrderStatus status : values()) {
      if (status.wireName.equals(name)) {
        return status;
      }
    }
    throw new IllegalArgumentException("Unknown order status: " + name);
  }
}
