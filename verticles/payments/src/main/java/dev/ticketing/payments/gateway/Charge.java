package dev.ticketing.payments.gateway;

/** A successful charge: the id of the Stripe PaymentIntent that holds the money. */
public record Charge(String stripeId) {
}
