package dev.ticketing.contracts.commands;

/**
 * Every command and query the gateway sends to a service, request/reply on the event bus. All
 * instances of a service register on the same address, so the bus load-balances among them. The
 * body is the JSON the gateway validated against the OpenAPI document (path and query parameters
 * added as fields); only sign-up and sign-in have a record here yet ({@link Credentials}), the
 * other bodies are read field by field by their handler. Identity travels in {@link CommandHeaders}.
 */
public enum Command {
  SIGN_UP("auth.sign-up"),
  SIGN_IN("auth.sign-in"),
  CREATE_TICKET("tickets.create"),
  UPDATE_TICKET("tickets.update"),
  LIST_TICKETS("tickets.list"),
  SHOW_TICKET("tickets.show"),
  CREATE_ORDER("orders.create"),
  LIST_ORDERS("orders.list"),
  SHOW_ORDER("orders.show"),
  CANCEL_ORDER("orders.cancel"),
  /**
   * Payments asks before any money moves: may this buyer pay this order now? The answer holds
   * expiry back for a short while (a payment lease) and carries the order as orders knows it.
   */
  LEASE_PAYMENT("orders.lease-payment"),
  CREATE_PAYMENT("payments.create"),
  /** A verified Stripe webhook event, handed from the gateway to payments. */
  STRIPE_EVENT("payments.stripe-event");

  private final String address;

  Command(String address) {
    this.address = address;
  }

  public String address() {
    return address;
  }
}
