package dev.ticketing.contracts.events;

import static dev.ticketing.contracts.events.ConsumerGroup.EXPIRATION;
import static dev.ticketing.contracts.events.ConsumerGroup.ORDERS;
import static dev.ticketing.contracts.events.ConsumerGroup.PAYMENTS;
import static dev.ticketing.contracts.events.ConsumerGroup.TICKETS;

import io.vertx.core.json.JsonObject;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;

/**
 * Every event subject: its wire name, the version of its payload schema, how to decode the
 * payload, and which consumer groups subscribe. This table is the whole subscription map of the
 * system; a producer's outbox writes one delivery per group listed here.
 */
public enum Subject {
  TICKET_CREATED("ticket:created", 1, TicketCreated::fromJson, EnumSet.of(ORDERS)),
  TICKET_UPDATED("ticket:updated", 1, TicketUpdated::fromJson, EnumSet.of(ORDERS)),
  ORDER_CREATED("order:created", 1, OrderCreated::fromJson, EnumSet.of(TICKETS, PAYMENTS, EXPIRATION)),
  ORDER_CANCELLED("order:cancelled", 1, OrderCancelled::fromJson, EnumSet.of(TICKETS, PAYMENTS)),
  /** Added to the original design: the ticket is sold (the seller's listing says so), the order paid for good. */
  ORDER_COMPLETED("order:completed", 1, OrderCompleted::fromJson, EnumSet.of(TICKETS, PAYMENTS)),
  EXPIRATION_COMPLETE("expiration:complete", 1, ExpirationComplete::fromJson, EnumSet.of(ORDERS)),
  PAYMENT_CREATED("payment:created", 1, PaymentCreated::fromJson, EnumSet.of(ORDERS)),
  /** Added to the original design: the ticket was edited after the order was priced, so it is not reserved. */
  RESERVATION_REFUSED("reservation:refused", 1, ReservationRefused::fromJson, EnumSet.of(ORDERS));

  /** Message headers the delivery layer sets on every event. */
  public static final String HEADER_EVENT_ID = "event-id";
  public static final String HEADER_SUBJECT = "event-subject";
  public static final String HEADER_SCHEMA = "event-schema";
  /**
   * The id of the HTTP request whose change caused the event, when there was one: every service's
   * log lines about the event carry it, as they carry a command's (the same header name).
   */
  public static final String HEADER_REQUEST_ID = dev.ticketing.contracts.commands.CommandHeaders.REQUEST_ID;

  private final String wireName;
  private final int schemaVersion;
  private final Function<JsonObject, ? extends EventPayload> decoder;
  private final Set<ConsumerGroup> consumers;

  Subject(String wireName, int schemaVersion, Function<JsonObject, ? extends EventPayload> decoder,
          Set<ConsumerGroup> consumers) {
    this.wireName = wireName;
    this.schemaVersion = schemaVersion;
    this.decoder = decoder;
    this.consumers = consumers;
  }

  public String wireName() {
    return wireName;
  }

  public int schemaVersion() {
    return schemaVersion;
  }

  public Set<ConsumerGroup> consumers() {
    return EnumSet.copyOf(consumers);
  }

  /** The event-bus address on which the instances of {@code group} receive this subject. */
  public String address(ConsumerGroup group) {
    if (!consumers.contains(group)) {
      throw new IllegalArgumentException(group + " does not subscribe to " + wireName);
    }
    return "events." + wireName + "." + group.wireName();
  }

  public EventPayload decode(JsonObject json) {
    return decoder.apply(json);
  }

  public static Subject fromWire(String name) {
    for (Subject subject : values()) {
      if (subject.wireName.equals(name)) {
        return subject;
      }
    }
    throw new IllegalArgumentException("Unknown subject: " + name);
  }
}
