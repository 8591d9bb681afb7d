package dev.ticketing.stripesandbox.intents;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * PaymentIntents in memory, by id and by charge id (refunds may name either). Not durable: a
 * restart forgets everything, which is fine for a sandbox. Confined to the sandbox verticle's
 * event loop, so plain maps are safe.
 */
public final class PaymentIntentStore {

  private final Map<String, PaymentIntent> byId = new HashMap<>();
  private final Map<String, String> intentIdByCharge = new HashMap<>();

  public void save(PaymentIntent intent) {
    byId.put(intent.id(), intent);
    if (intent.latestCharge() != null) {
      intentIdByCharge.put(intent.latestCharge(), intent.id());
    }
  }

  public Optional<PaymentIntent> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  public Optional<PaymentIntent> findByCharge(String chargeId) {
    return Optional.ofNullable(intentIdByCharge.get(chargeId)).flatMap(this::find);
  }
}
