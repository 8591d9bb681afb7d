package dev.ticketing.stripesandbox.events;

import dev.ticketing.stripesandbox.errors.ApiError;
import dev.ticketing.stripesandbox.form.Params;
import dev.ticketing.stripesandbox.listing.ListRequest;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code GET /v1/events/{id}} and {@code GET /v1/events}, so a webhook receiver can fetch again what
 * it was sent (or missed). Filters as at Stripe: {@code type} (exact, or with {@code *} as a
 * wildcard: {@code payment_intent.*}), {@code types[]} (exact names, not with type),
 * {@code delivery_success}, and the usual paging and {@code created}.
 */
public final class EventService {

  private static final Set<String> LIST_FILTERS = Set.of("type", "types", "delivery_success");
  private static final String LIST_URL = "/v1/events";
  private static final int MAX_TYPES = 20;

  private final EventLog events;

  public EventService(EventLog events) {
    this.events = events;
  }

  public JsonObject retrieve(String id, Params params) {
    params.allowOnly(Set.of("expand"));
    return events.render(events.find(id).orElseThrow(() -> ApiError.notFound("id", "event", id)));
  }

  public JsonObject list(Params params) {
    ListRequest request = ListRequest.read(params, LIST_FILTERS);
    Predicate<Event> filter = typeFilter(params).and(deliveryFilter(params));
    return events.page(request, filter).render(LIST_URL, events::render);
  }

  private static Predicate<Event> typeFilter(Params params) {
    Optional<String> type = params.string("type");
    Optional<List<String>> types = params.stringList("types");
    if (type.isPresent() && types.isPresent()) {
      throw ApiError.invalidParameter("types", "parameter_invalid_string",
          "You may only specify one of these parameters: type, types.");
    }
    if (types.isPresent()) {
      if (types.get().size() > MAX_TYPES) {
        throw ApiError.invalidParameter("types", "parameter_invalid_string",
            "types may list up to " + MAX_TYPES + " event types.");
      }
      Set<String> wanted = Set.copyOf(types.get());
      return event -> wanted.contains(event.type().wire());
    }
    return type.map(EventService::wildcard).<Predicate<Event>>map(pattern ->
        event -> pattern.matcher(event.type().wire()).matches()).orElse(event -> true);
  }

  private Predicate<Event> deliveryFilter(Params params) {
    if (!params.has("delivery_success")) {
      return event -> true;
    }
    boolean delivered = params.bool("delivery_success", true);
    return event -> (events.pendingWebhooks(event) == 0) == delivered;
  }

  /** {@code payment_intent.*} matches every payment_intent event; everything else is literal. */
  private static Pattern wildcard(String type) {
    return Pattern.compile(Stream.of(type.split("\\*", -1)).map(Pattern::quote).collect(Collectors.joining(".*")));
  }
}
