package dev.ticketing.stripesandbox.listing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * Objects of one kind by id, remembering the order they were first saved in, so that lists come out
 * as Stripe's do: by {@code created} descending and, within one second, the later-created first
 * (stable across pages, which a cursor needs). An update keeps the object's place.
 *
 * <p>In memory and confined to the sandbox verticle's event loop, like every store here.
 */
public final class CreationOrder<T> {

  private final Function<T, String> idOf;
  private final ToLongFunction<T> createdOf;
  private final Map<String, T> byId = new LinkedHashMap<>(); // insertion order is the creation sequence

  public CreationOrder(Function<T, String> idOf, ToLongFunction<T> createdOf) {
    this.idOf = idOf;
    this.createdOf = createdOf;
  }

  public void save(T item) {
    byId.put(idOf.apply(item), item);
  }

  public Optional<T> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  public List<T> newestFirst() {
    List<T> items = new ArrayList<>(byId.values());
    Collections.reverse(items); // latest sequence first; the stable sort below keeps that within a second
    items.sort(Comparator.comparingLong(createdOf).reversed());
    return items;
  }

  /** The page {@code request} asks for among the objects {@code filter} accepts. */
  public ListPage<T> page(ListRequest request, Predicate<T> filter, String noun) {
    Predicate<T> wanted = filter.and(item -> request.created().contains(createdOf.applyAsLong(item)));
    return ListPage.cut(newestFirst(), idOf, wanted, request, noun);
  }
}
