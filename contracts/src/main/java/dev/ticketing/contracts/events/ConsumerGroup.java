package dev.ticketing.contracts.events;

/**
 * A service that consumes events. Every instance of a service registers on its group's address,
 * so the event bus hands each event to exactly one of them: the group is our queue group.
 */
public enum ConsumerGroup {
  TICKETS("tickets"),
  ORDERS("orders"),
  PAYMENTS("payments"),
  EXPIRATION("expiration");

  private final String wireName;

  ConsumerGroup(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static ConsumerGroup fromWire(String name) {
    for (ConsumerGroup group : values()) {
      if (group.wireName.equals(name)) {
        return group;
      }
    }
    throw new IllegalArgumentException("Unknown consumer group: " + name);
  }
}
