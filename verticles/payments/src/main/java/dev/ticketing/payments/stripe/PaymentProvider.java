package dev.ticketing.payments.stripe;

import dev.ticketing.payments.domain.CardToken;
import io.vertx.core.Future;

/**
 * Moves money, through one PaymentIntent per order: created first (no money moves, and our record
 * of it is written before anything else happens), then confirmed with the buyer's card, as often as
 * the buyer tries, each attempt with a key of its own. Because an intent succeeds at most once, an
 * order can never be charged twice, whatever repeats or races. Implementations never block the event
 * loop, and every call carries the caller's idempotency key.
 *
 * <p>Failures: {@link CardDeclined} when the card was refused (the order stays payable); a
 * contracts {@code ApiException} for what the client should see (an unusable token, a twin request
 * in flight, the provider unreachable); anything else is a bug on our side.
 */
public interface PaymentProvider {

  /** The order's intent, unconfirmed; the same key always answers the same intent id. */
  Future<String> createIntent(IntentRequest request);

  /**
   * Confirms with the buyer's card: the intent's state afterwards (succeeded, or something a card
   * may still need, such as 3-D Secure); a decline fails with {@link CardDeclined}. An intent that
   * had succeeded already answers its state, so a lost answer costs nothing.
   */
  Future<IntentState> confirm(String intentId, CardToken card, String idempotencyKey);

  Future<IntentState> retrieve(String intentId);

  /** Refunds the whole intent; the result is the provider's refund id. */
  Future<String> refund(String intentId, String idempotencyKey);
}
