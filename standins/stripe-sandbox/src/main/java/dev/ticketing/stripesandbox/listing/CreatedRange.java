package dev.ticketing.stripesandbox.listing;

import dev.ticketing.stripesandbox.form.Params;
import java.util.Set;

/**
 * Stripe's {@code created} filter: either one exact time ({@code created=1700000000}) or bounds
 * ({@code created[gte]=…&created[lt]=…}), all in epoch seconds. A null bound is no bound.
 */
public record CreatedRange(Long gt, Long gte, Long lt, Long lte) {

  public static final CreatedRange ANY = new CreatedRange(null, null, null, null);

  static CreatedRange read(Params params) {
    if (!params.has("created")) {
      return ANY;
    }
    if (!params.isObject("created")) {
      long exactly = params.integer("created").orElseThrow();
      return new CreatedRange(null, exactly, null, exactly);
    }
    Params bounds = params.object("created").orElseThrow().allowOnly(Set.of("gt", "gte", "lt", "lte"));
    return new CreatedRange(bounds.integer("gt").orElse(null), bounds.integer("gte").orElse(null),
        bounds.integer("lt").orElse(null), bounds.integer("lte").orElse(null));
  }

  public boolean contains(long created) {
    return (gt == null || created > gt)
        && (gte == null || created >= gte)
        && (lt == null || created < lt)
        && (lte == null || created <= lte);
  }
}
