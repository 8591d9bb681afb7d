package dev.ticketing.stripesandbox.intents;

import dev.ticketing.stripesandbox.cards.CardDecline;
import dev.ticketing.stripesandbox.cards.PaymentMethod;

/** A declined attempt: Stripe records it as the intent's last_payment_error and a failed charge. */
public record PaymentFailure(CardDecline decline, PaymentMethod paymentMethod, String chargeId) {
}
