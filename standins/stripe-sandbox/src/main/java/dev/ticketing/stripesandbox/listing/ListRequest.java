package dev.ticketing.stripesandbox.listing;

import dev.ticketing.stripesandbox.errors.ApiError;
import dev.ticketing.stripesandbox.form.Params;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The parameters every Stripe list endpoint takes: {@code limit} (1..100, default 10), one cursor
 * ({@code starting_after} or {@code ending_before}, an object id) and the {@code created} filter.
 * An endpoint's own filters ({@code payment_intent}, {@code type}, …) are allowed here by name and
 * read by the endpoint itself.
 */
public record ListRequest(int limit, Optional<String> startingAfter, Optional<String> endingBefore,
    CreatedRange created) {

  public static final int DEFAULT_LIMIT = 10;
  public static final int MAX_LIMIT = 100;
  private static final Set<String> PAGING = Set.of("limit", "starting_after", "ending_before", "created", "expand");

  /** Refuses anything that is neither a paging parameter nor one of {@code filters}. */
  public static ListRequest read(Params params, Set<String> filters) {
    Set<String> accepted = new HashSet<>(PAGING);
    accepted.addAll(filters);
    params.allowOnly(accepted);
    Optional<String> startingAfter = params.string("starting_after");
    Optional<String> endingBefore = params.string("ending_before");
    if (startingAfter.isPresent() && endingBefore.isPresent()) {
      throw ApiError.invalidParameter("ending_before", "parameter_invalid_string",
          "You may only specify one of these parameters: ending_before, starting_after.");
    }
    return new ListRequest(limit(params), startingAfter, endingBefore, CreatedRange.read(params));
  }

  private static int limit(Params params) {
    long limit = params.integer("limit").orElse((long) DEFAULT_LIMIT);
    if (limit < 1) {
      throw ApiError.invalidParameter("limit", "parameter_invalid_integer",
          "This value must be greater than or equal to 1.");
    }
    if (limit > MAX_LIMIT) {
      throw ApiError.invalidParameter("limit", "parameter_invalid_integer",
          "This value must be less than or equal to " + MAX_LIMIT + ".");
    }
    return (int) limit;
  }
}
