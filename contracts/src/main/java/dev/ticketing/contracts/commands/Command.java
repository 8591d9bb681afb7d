package dev.ticketing.contracts.commands;

import io.vertx.core.json.JsonObject;
import java.util.function.Function;

/**
 * Every command and query the gateway sends to a service, request/reply on the event bus. All
 * instances of a service register on the same address, so the bus load-balances among them. The
 * body is a {@link CommandBody} record, each command's named here: the gateway decodes the input it
 * validated against the OpenAPI document (path and query parameters added as fields) into it and
 * sends its JSON, so only the fields the record declares travel; the service decodes the same
 * record. Identity travels in {@link CommandHeaders}, never in a body.
 */
public enum Command {
  SIGN_UP("auth.sign-up", Credentials::fromJson),
  SIGN_IN("auth.sign-in", Credentials::fromJson),
  CREATE_TICKET("tickets.create", TicketInput::fromJson),
  UPDATE_TICKET("tickets.update", TicketEdit::fromJson),
  LIST_TICKETS("tickets.list", TicketQuery::fromJson),
  SHOW_TICKET("tickets.show", ById::fromJson),
  CREATE_ORDER("orders.create", NewOrder::fromJson),
  LIST_ORDERS("orders.list", NoBody::fromJson),
  SHOW_ORDER("orders.show", ById::fromJson),
  CANCEL_ORDER("orders.cancel", ById::fromJson),
  /**
   * Payments asks before any money moves: may this buyer pay this order now? The answer holds
   * expiry back for a short while (a payment lease) and carries the order as orders knows it.
   */
  LEASE_PAYMENT("orders.lease-payment", PaymentLeaseRequest::fromJson),
  CREATE_PAYMENT("payments.create", NewPayment::fromJson),
  /** A verified Stripe webhook event, handed from the gateway to payments. */
  STRIPE_EVENT("payments.stripe-event", StripeEventFacts::fromJson);

  private final String address;
  private final Function<JsonObject, CommandBody> decoder;

  Command(String address, Function<JsonObject, CommandBody> decoder) {
    this.address = address;
    this.decoder = decoder;
  }

  public String address() {
    return address;
  }

  /**
   * This command's body record read from {@code json}; fields it does not declare are left behind.
   *
   * @throws dev.ticketing.contracts.errors.Validation when a field has the wrong type
   */
  public CommandBody decode(JsonObject json) {
    return decoder.apply(json);
  }
}
