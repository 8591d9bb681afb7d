package dev.ticketing.stripesandbox.listing;

import dev.ticketing.stripesandbox.errors.ApiError;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One page of a Stripe list, cut the way Stripe cuts it: always newest first; {@code starting_after}
 * takes the items after the cursor, {@code ending_before} the ones just before it (still newest
 * first), and {@code has_more} says whether more lie beyond the page in the direction of travel.
 * The cursor is looked up among all objects of the kind, so it need not match the filters itself.
 */
public record ListPage<T>(List<T> data, boolean hasMore) {

  public ListPage {
    data = List.copyOf(data);
  }

  static <T> ListPage<T> cut(List<T> newestFirst, Function<T, String> idOf, Predicate<T> wanted,
      ListRequest request, String noun) {
    if (request.startingAfter().isPresent()) {
      int cursor = indexOf(newestFirst, idOf, request.startingAfter().get(), "starting_after", noun);
      return first(newestFirst.subList(cursor + 1, newestFirst.size()), wanted, request.limit());
    }
    if (request.endingBefore().isPresent()) {
      int cursor = indexOf(newestFirst, idOf, request.endingBefore().get(), "ending_before", noun);
      return last(newestFirst.subList(0, cursor), wanted, request.limit());
    }
    return first(newestFirst, wanted, request.limit());
  }

  /** Stripe's list object: {@code {"object":"list","url":…,"has_more":…,"data":[…]}}. */
  public JsonObject render(String url, Function<T, JsonObject> renderItem) {
    JsonArray items = new JsonArray();
    data.forEach(item -> items.add(renderItem.apply(item)));
    return new JsonObject()
        .put("object", "list")
        .put("data", items)
        .put("has_more", hasMore)
        .put("url", url);
  }

  private static <T> ListPage<T> first(List<T> candidates, Predicate<T> wanted, int limit) {
    List<T> page = new ArrayList<>(limit);
    for (T item : candidates) {
      if (!wanted.test(item)) {
        continue;
      }
      if (page.size() == limit) {
        return new ListPage<>(page, true);
      }
      page.add(item);
    }
    return new ListPage<>(page, false);
  }

  private static <T> ListPage<T> last(List<T> candidates, Predicate<T> wanted, int limit) {
    List<T> matching = candidates.stream().filter(wanted).toList();
    int from = Math.max(0, matching.size() - limit);
    return new ListPage<>(matching.subList(from, matching.size()), from > 0);
  }

  private static <T> int indexOf(List<T> items, Function<T, String> idOf, String id, String param, String noun) {
    for (int i = 0; i < items.size(); i++) {
      if (idOf.apply(items.get(i)).equals(id)) {
        return i;
      }
    }
    throw ApiError.noSuchReference(param, noun, id);
  }
}
