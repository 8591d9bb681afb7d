package dev.ticketing.stripesandbox.intents;

import dev.ticketing.stripesandbox.listing.CreationOrder;
import dev.ticketing.stripesandbox.listing.ListPage;
import dev.ticketing.stripesandbox.listing.ListRequest;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * PaymentIntents in memory, by id and by charge id (refunds may name either), listable newest
 * first. Not durable: a restart forgets everything, which is fine for a sandbox. Confined to the
 * sandbox verticle's event loop, so plain maps are safe.
 */
public final class PaymentIntentStore {

  private final CreationOrder<PaymentIntent> byId = new CreationOrder<>(PaymentIntent::id, PaymentIntent::created);
  private final Map<String, String> intentIdByCharge = new HashMap<>();

  public void save(PaymentIntent intent) {
    byId.save(intent);
    if (intent.latestCharge() != null) {
      intentIdByCharge.put(intent.latestCharge(), intent.id());
    }
  }

  public Optional<PaymentIntent> find(String id) {
    return byId.find(id);
  }

  public Optional<PaymentIntent> findByCharge(String chargeId) {
    return Optional.ofNullable(intentIdByCharge.get(chargeId)).flatMap(this::find);
  }

  public ListPage<PaymentIntent> page(ListRequest request) {
    return byId.page(request, intent -> true, "payment_intent");
  }
}
